package io.spotipi.player.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountsUrlTest {

  @Test
  void pkceChallengeIsRfc7636s() {
    // RFC 7636, appendix B.
    assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    String v = Pkce.newVerifier();
    assertTrue(v.matches("[A-Za-z0-9_-]{43,128}"), v);
    assertNotEquals(v, Pkce.newVerifier());
    assertNotEquals(Pkce.newState(), Pkce.newState());
  }

  @Test
  void authorizeUrlCarriesScopesStateAndTheChallenge() {
    Vertx vertx = Vertx.vertx();
    try {
      AccountsClient accounts = new AccountsClient(WebClient.create(vertx), "https://accounts.example/",
          Duration.ofSeconds(1));
      String url = accounts.authorizeUrl("cid", "http://127.0.0.1:8888/callback", "st&te", "chal");
      URI uri = URI.create(url);
      assertEquals("accounts.example", uri.getHost());
      assertEquals("/authorize", uri.getPath());
      assertEquals("client_id=cid&response_type=code&redirect_uri=http://127.0.0.1:8888/callback"
          + "&scope=" + String.join(" ", AccountsClient.SCOPES) + "&state=st&te&code_challenge_method=S256"
          + "&code_challenge=chal", uri.getQuery());
      assertTrue(url.contains("state=st%26te"), url);
      assertTrue(url.contains("scope=user-read-playback-state%20user-modify-playback-state"), url);
      String secretFlow = accounts.authorizeUrl("cid", "http://127.0.0.1/cb", "s", null);
      assertTrue(!secretFlow.contains("code_challenge"), secretFlow);
    } finally {
      vertx.close();
    }
  }
}
