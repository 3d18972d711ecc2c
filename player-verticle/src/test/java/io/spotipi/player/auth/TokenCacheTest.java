package io.spotipi.player.auth;

import io.spotipi.shared.message.SpotifyStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.Recorded;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.Json;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token cache against the fake's accounts service, with a hand-set clock for expiry. */
@ExtendWith(VertxExtension.class)
class TokenCacheTest {
  private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private Rig rig;
  private TokenCache tokens;

  @BeforeEach
  void start(Vertx vertx) {
    rig = Rig.start(vertx, clock);
    tokens = rig.services.tokens();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private int tokenRequests() {
    return rig.fake.requests("POST", "/api/token").size();
  }

  private List<String> concurrently(int callers) {
    return rig.on(() -> {
      List<Future<String>> all = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        all.add(tokens.accessToken());
      }
      return Future.all(all).map(cf -> cf.<String>list());
    });
  }

  @Test
  void sixtyFourCallersWithAnExpiredTokenMakeOneTokenRequest() {
    rig.connect(false);
    String first = rig.on(() -> tokens.accessToken());
    clock.set(T0.plusSeconds(3600));
    List<String> got = concurrently(64);
    assertEquals(2, tokenRequests());
    assertEquals(Set.of(got.get(0)), new HashSet<>(got));
    assertNotEquals(first, got.get(0));
    SpotifyStatus.Token figures = tokens.status().token();
    assertEquals(65, figures.requestsTotal());
    assertEquals(2, figures.refreshesTotal());
  }

  @Test
  void sixtyFourApiCallsWithoutATokenMakeOneTokenRequest() {
    rig.connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.on(() -> {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        all.add(rig.services.spotify().devices());
      }
      return Future.all(all);
    });
    assertEquals(1, tokenRequests());
    assertEquals(64, rig.fake.requests("GET", "/v1/me/player/devices").size());
  }

  @Test
  void refreshedAheadOfExpiryAndServedFromTheCacheBefore() {
    rig.connect(false);
    String first = rig.on(() -> tokens.accessToken());
    clock.set(T0.plusSeconds(3600 - 61));
    assertEquals(first, rig.on(() -> tokens.accessToken()));
    assertEquals(61, tokens.status().token().validForSeconds());
    clock.set(T0.plusSeconds(3600 - 59)); // inside the 60 s margin
    assertNotEquals(first, rig.on(() -> tokens.accessToken()));
    assertEquals(2, tokenRequests());
    SpotifyStatus.Token figures = tokens.status().token();
    assertEquals(3, figures.requestsTotal());
    assertEquals(1.0 / 3, figures.cacheHitRate(), 1e-9);
    assertEquals(3600, figures.validForSeconds());
  }

  @Test
  void aMinimumValidityRefreshesEarlier() {
    rig.connect(false);
    String first = rig.on(() -> tokens.accessToken());
    clock.set(T0.plusSeconds(3000));
    assertEquals(first, rig.on(() -> tokens.accessToken()));
    assertNotEquals(first, rig.on(() -> tokens.accessToken(Duration.ofMinutes(10))));
  }

  private void follow(SpotifyCredentials next) {
    rig.on(() -> {
      tokens.follow(next);
      return Future.succeededFuture();
    });
  }

  @Test
  void followingTheStoreKeepsTheTokenForTheSameAuthorizationAndStartsOverForANewOne() {
    SpotifyCredentials c = rig.connect(false);
    String first = rig.on(() -> tokens.accessToken());
    SpotifyCredentials rotated = c.withRefreshToken(rig.fake.accounts().issueRefreshToken());
    follow(rotated);
    assertEquals(first, rig.on(() -> tokens.accessToken()), "a rotation elsewhere keeps the access token");
    assertEquals(rotated, tokens.credentials().orElseThrow());
    follow(new SpotifyCredentials(c.clientId(), c.clientSecret(), rotated.refreshToken(), T0));
    assertEquals(first, rig.on(() -> tokens.accessToken()), "same token, another date: kept");

    rig.fake.accounts().revokeRefreshTokens();
    rig.fake.accounts().expireAccessTokens();
    clock.set(T0.plusSeconds(3600));
    Await.failure(rig.call(() -> tokens.accessToken()));
    assertEquals(TokenCache.State.REAUTHORIZE, tokens.state());
    follow(new SpotifyCredentials(c.clientId(), c.clientSecret(), rig.fake.accounts().issueRefreshToken(), T0));
    assertEquals(TokenCache.State.CONNECTED, tokens.state(), "a token rotated elsewhere is worth a try");
    String fresh = rig.on(() -> tokens.accessToken());

    follow(new SpotifyCredentials(c.clientId(), c.clientSecret(), rig.fake.accounts().issueRefreshToken(),
        T0.plusSeconds(60)));
    assertNotEquals(fresh, rig.on(() -> tokens.accessToken()), "a new authorization starts over");
    follow(null);
    assertEquals(TokenCache.State.NOT_CONFIGURED, tokens.state());
  }

  @Test
  void aRejectedTokenIsDroppedOnlyIfItIsTheCurrentOne() {
    rig.connect(false);
    String first = rig.on(() -> tokens.accessToken());
    rig.on(() -> {
      tokens.rejected("some-older-token");
      return Future.succeededFuture();
    });
    assertEquals(first, rig.on(() -> tokens.accessToken()));
    rig.on(() -> {
      tokens.rejected(first);
      return Future.succeededFuture();
    });
    assertNotEquals(first, rig.on(() -> tokens.accessToken()));
  }

  @Test
  void aRotatedRefreshTokenIsStoredBeforeItsAccessTokenIsUsed() {
    rig.fake.accounts().rotate(true);
    rig.fake.player().device("k1", "Kitchen");
    SpotifyCredentials used = rig.connect(true);
    rig.store.saveDelay(300);
    rig.on(() -> rig.services.spotify().devices());
    String rotated = rig.fake.accounts().latestRefreshToken();
    assertEquals(used.withRefreshToken(rotated), rig.store.stored().orElseThrow());
    assertEquals(rotated, tokens.credentials().orElseThrow().refreshToken());
    Recorded firstUse = rig.fake.requests("GET", "/v1/me/player/devices").get(0);
    assertTrue(rig.store.lastSavedNanos() < firstUse.nanos(), "stored before the new access token went out");
    // The next refresh uses the rotated token: the old one is spent.
    clock.set(T0.plusSeconds(3600));
    rig.on(() -> tokens.accessToken());
    assertEquals(2, rig.store.saves());
    assertTrue(rig.fake.requests("POST", "/api/token").get(1).body().contains(rotated));
  }

  @Test
  void aRotationTheStoreRefusesKeepsTheNewTokenButNotItsAccessToken() {
    rig.fake.accounts().rotate(true);
    rig.connect(true);
    rig.store.failSaves(1);
    SpotifyException e = assertInstanceOf(SpotifyException.class, Await.failure(rig.call(() -> tokens.accessToken())));
    assertEquals(SpotifyError.Kind.STORE, e.error().kind());
    assertEquals(0, tokens.status().token().validForSeconds());
    String pending = rig.fake.accounts().latestRefreshToken();
    assertEquals(pending, tokens.credentials().orElseThrow().refreshToken());
    rig.on(() -> tokens.accessToken());
    assertTrue(rig.fake.requests("POST", "/api/token").get(1).body().contains(pending));
    assertEquals(rig.fake.accounts().latestRefreshToken(), rig.store.stored().orElseThrow().refreshToken());
  }

  @Test
  void invalidGrantMeansReauthorizeWithoutARetryLoop() {
    rig.connect(false);
    rig.fake.accounts().revokeRefreshTokens();
    for (int i = 0; i < 5; i++) {
      SpotifyException e = assertInstanceOf(SpotifyException.class,
          Await.failure(rig.call(() -> tokens.accessToken())));
      assertEquals(SpotifyError.Kind.REAUTHORIZE, e.error().kind());
    }
    assertEquals(1, tokenRequests());
    SpotifyStatus status = tokens.status();
    assertEquals("reauthorize", status.state());
    assertFalse(status.connected());
    assertTrue(status.lastError().contains("connect Spotify again"), status.lastError());
    assertTrue(status.lastError().contains("invalid_grant"), status.lastError());
    rig.connect(false);
    assertEquals("connected", tokens.status().state());
    rig.on(() -> tokens.accessToken());
  }

  @Test
  void aTransientFailureIsReportedAndTheNextCallerTriesAgain() {
    rig.connect(false);
    rig.fake.fault(Fault.status("POST", "/api/token", 503, null));
    Await.failure(rig.call(() -> tokens.accessToken()));
    assertEquals("connected", tokens.status().state());
    assertTrue(tokens.status().lastError().contains("HTTP 503"), tokens.status().lastError());
    rig.on(() -> tokens.accessToken());
    assertNull(tokens.status().lastError());
  }

  @Test
  void aRefreshBegunWithOldCredentialsIsNotInstalled() {
    rig.connect(false);
    rig.fake.fault(Fault.delay("POST", "/api/token", 300));
    Future<String> pending = rig.call(() -> tokens.accessToken());
    SpotifyCredentials next = rig.connect(false);
    Await.result(pending);
    List<Recorded> asked = rig.fake.requests("POST", "/api/token");
    assertEquals(2, asked.size());
    assertTrue(asked.get(1).body().contains(next.refreshToken()));
  }

  @Test
  void withoutCredentialsNothingIsAskedAndTheStatusSaysSo() {
    SpotifyException e = assertInstanceOf(SpotifyException.class, Await.failure(rig.call(() -> tokens.accessToken())));
    assertEquals(SpotifyError.Kind.NOT_CONNECTED, e.error().kind());
    assertEquals("Spotify not connected", e.error().describe());
    assertEquals(0, tokenRequests());
    JsonObject json = Json.toJson(tokens.status());
    assertEquals(new JsonObject().put("state", "not_configured").put("connected", false).putNull("authorized_at")
        .put("token", new JsonObject().put("valid_for_seconds", 0).put("refreshes_total", 0).put("requests_total", 1)
            .put("cache_hit_rate", 0.0))
        .putNull("last_error"), json);
  }

  @Test
  void statusJsonOfAConnectedCache() {
    rig.connect(false);
    rig.on(() -> tokens.accessToken());
    rig.on(() -> tokens.accessToken());
    JsonObject json = Json.toJson(tokens.status());
    assertEquals("connected", json.getString("state"));
    assertTrue(json.getBoolean("connected"));
    assertEquals("2026-11-01T07:00:00Z", json.getString("authorized_at"));
    assertEquals(new JsonObject().put("valid_for_seconds", 3600).put("refreshes_total", 1).put("requests_total", 2)
        .put("cache_hit_rate", 0.5), json.getJsonObject("token"));
    assertTrue(json.containsKey("last_error") && json.getValue("last_error") == null);
    assertFalse(json.encode().contains(FakeAccounts.CLIENT_SECRET));
  }
}
