package io.spotipi.player.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes' token caches over one store and one Vert.x, whose local lock and map stand for the
 * cluster's (the multi-JVM case is {@code app}'s {@code SpotifyClusterTest}): one refresh for both, a
 * rotation on one used by the other, the lock released after a failure.
 */
@ExtendWith(VertxExtension.class)
class ClusterTokenRefreshTest {
  private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private Rig a;
  private Rig b;

  @BeforeEach
  void start(Vertx vertx) {
    a = Rig.start(vertx, clock);
    b = a.beside();
  }

  @AfterEach
  void stop() {
    b.close();
    a.close();
  }

  private int tokenRequests() {
    return a.fake.requests("POST", "/api/token").size();
  }

  private List<String> refreshTokensAsked() {
    return a.fake.requests("POST", "/api/token").stream()
        .map(r -> r.body().replaceAll(".*refresh_token=([^&]+).*", "$1")).toList();
  }

  private static String token(Rig node) {
    return node.on(() -> node.services.tokens().accessToken());
  }

  @Test
  void bothNodesAskingAtOnceMakeOneTokenRequest() {
    b.use(a.connect(false));
    List<Future<String>> both = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      both.add(a.call(() -> a.services.tokens().accessToken()));
      both.add(b.call(() -> b.services.tokens().accessToken()));
    }
    List<String> tokens = Await.result(Future.all(both)).list();
    assertEquals(1, tokenRequests());
    assertEquals(1, tokens.stream().distinct().count());
    assertTrue(b.on(() -> Future.succeededFuture(b.services.tokens().status())).token().validForSeconds() > 0);
  }

  @Test
  void aRotationOnOneNodeIsUsedByTheOther() {
    a.fake.accounts().rotate(true);
    SpotifyCredentials first = b.use(a.connect(false));
    token(a);
    String second = a.fake.accounts().latestRefreshToken();
    assertEquals(second, a.store.stored().orElseThrow().refreshToken());

    token(b);
    assertEquals(1, tokenRequests(), "b took a's grant");
    assertEquals(second, b.services.tokens().credentials().orElseThrow().refreshToken(), "and a's rotated token");

    a.fake.accounts().expireAccessTokens();
    b.on(() -> b.services.spotify().devices());
    String third = a.fake.accounts().latestRefreshToken();
    a.on(() -> a.services.spotify().devices());
    assertEquals(List.of(first.refreshToken(), second), refreshTokensAsked());
    assertEquals(third, a.services.tokens().credentials().orElseThrow().refreshToken());
    assertTrue(a.fake.accounts().refreshTokenValid(third));
    assertEquals(TokenCache.State.CONNECTED, a.services.tokens().state());
    assertEquals(TokenCache.State.CONNECTED, b.services.tokens().state());
  }

  @Test
  void aGrantWithTooLittleLeftIsNotHandedOut() {
    a.fake.accounts().lifetime(a.options.prepareTokenValidity().toSeconds());
    b.use(a.connect(false));
    assertFalse(token(a).equals(token(b)));
    assertEquals(2, tokenRequests());
  }

  @Test
  void aFailedRefreshReleasesTheLock() {
    b.use(a.connect(false));
    a.fake.fault(Fault.status("POST", "/api/token", 503, null));
    Await.failure(a.call(() -> a.services.tokens().accessToken()));
    token(b);
    token(a);
    assertEquals(2, tokenRequests());
  }
}
