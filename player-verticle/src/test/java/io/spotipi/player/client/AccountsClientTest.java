package io.spotipi.player.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.Recorded;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The accounts client against the fake's token endpoint. */
@ExtendWith(VertxExtension.class)
class AccountsClientTest {
  private static final String REDIRECT = "http://127.0.0.1:8888/callback";
  private Rig rig;
  private AccountsClient accounts;

  @BeforeEach
  void start(Vertx vertx) {
    rig = Rig.start(vertx, Clock.systemUTC());
    accounts = rig.services.accounts();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static Map<String, String> form(Recorded r) {
    Map<String, String> m = new HashMap<>();
    for (String pair : r.body().split("&")) {
      String[] kv = pair.split("=", 2);
      m.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return m;
  }

  private Recorded lastTokenRequest() {
    var all = rig.fake.requests("POST", "/api/token");
    return all.get(all.size() - 1);
  }

  private SpotifyError failure(Supplier<Future<TokenGrant>> call) {
    return assertInstanceOf(SpotifyException.class, Await.failure(rig.call(call))).error();
  }

  @Test
  void refreshWithASecretUsesHttpBasic() {
    String refresh = rig.fake.accounts().issueRefreshToken();
    TokenGrant grant = rig.on(() -> accounts.refresh(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, refresh));
    assertTrue(rig.fake.accounts().refreshTokenValid(refresh));
    assertFalse(grant.rotated());
    assertEquals(3600, grant.expiresInSeconds());
    Recorded r = lastTokenRequest();
    String basic = FakeAccounts.CLIENT_ID + ":" + FakeAccounts.CLIENT_SECRET;
    assertEquals("Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)),
        r.authorization());
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", refresh), form(r));
  }

  @Test
  void pkceRefreshSendsTheClientIdAndNoSecretAndTakesTheRotatedToken() {
    rig.fake.accounts().rotate(true);
    String refresh = rig.fake.accounts().issueRefreshToken();
    TokenGrant grant = rig.on(() -> accounts.refresh(FakeAccounts.CLIENT_ID, null, refresh));
    assertTrue(grant.rotated());
    assertEquals(rig.fake.accounts().latestRefreshToken(), grant.refreshToken());
    assertFalse(rig.fake.accounts().refreshTokenValid(refresh));
    Recorded r = lastTokenRequest();
    assertNull(r.authorization());
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", FakeAccounts.CLIENT_ID),
        form(r));
  }

  @Test
  void codeExchangeWithASecret() {
    String code = rig.fake.accounts().authorizationCode(REDIRECT, null);
    TokenGrant grant = rig.on(() -> accounts.exchangeCode(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, code,
        REDIRECT, null));
    assertTrue(grant.rotated());
    assertEquals(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT),
        form(lastTokenRequest()));
    assertEquals("invalid_grant", failure(() -> accounts.exchangeCode(FakeAccounts.CLIENT_ID,
        FakeAccounts.CLIENT_SECRET, code, REDIRECT, null)).reason(), "a code is single-use");
  }

  @Test
  void pkceCodeExchangeSendsTheVerifier() {
    String verifier = Pkce.newVerifier();
    String code = rig.fake.accounts().authorizationCode(REDIRECT, Pkce.challenge(verifier));
    TokenGrant grant = rig.on(() -> accounts.exchangeCode(FakeAccounts.CLIENT_ID, null, code, REDIRECT, verifier));
    assertNotEquals(null, grant.refreshToken());
    Map<String, String> form = form(lastTokenRequest());
    assertEquals(verifier, form.get("code_verifier"));
    assertEquals(FakeAccounts.CLIENT_ID, form.get("client_id"));
    String other = rig.fake.accounts().authorizationCode(REDIRECT, Pkce.challenge(verifier));
    assertEquals("invalid_grant", failure(() -> accounts.exchangeCode(FakeAccounts.CLIENT_ID, null, other, REDIRECT,
        Pkce.newVerifier())).reason());
  }

  @Test
  void refusalsAreTypedAndCarryNoSecret() {
    String refresh = rig.fake.accounts().issueRefreshToken();
    rig.fake.accounts().revokeRefreshTokens();
    Throwable revoked = Await.failure(rig.call(() -> accounts.refresh(FakeAccounts.CLIENT_ID,
        FakeAccounts.CLIENT_SECRET, refresh)));
    SpotifyError e = assertInstanceOf(SpotifyException.class, revoked).error();
    assertEquals(400, e.status());
    assertEquals("invalid_grant", e.reason());
    assertFalse(revoked.getMessage().contains(refresh) || revoked.getMessage().contains(FakeAccounts.CLIENT_SECRET),
        revoked.getMessage());
    assertEquals("invalid_client", failure(() -> accounts.refresh(FakeAccounts.CLIENT_ID, "wrong-secret", refresh))
        .reason());
    rig.fake.fault(Fault.status("POST", "/api/token", 503, null));
    assertEquals(503, failure(() -> accounts.refresh(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, refresh))
        .status());
  }
}
