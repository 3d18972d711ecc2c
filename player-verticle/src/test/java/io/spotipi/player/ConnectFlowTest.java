package io.spotipi.player;

import static io.spotipi.player.OverARealOwner.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.client.AccountsClient;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.PlayerStack;
import io.spotipi.player.fake.Recorded;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.message.AuthorizeReply;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.message.SpotifyStatus;
import io.spotipi.shared.testing.Await;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connecting Spotify as a user does: authorize, Spotify's consent page, the pasted address, through the bus. */
class ConnectFlowTest extends OverARealOwner {
  static final String REDIRECT = "http://127.0.0.1:5001/api/spotify/callback";

  private AuthorizeReply authorize() {
    return f.call(p -> p.authorize(new AuthorizeRequest(REDIRECT)));
  }

  /** The browser's trip through the consent page: the address it lands on. */
  private String consent(AuthorizeReply reply) {
    return Await.result(f.fake.consent(reply.authorizeUrl()));
  }

  private static String param(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private ConfigFailure refused(CallbackRequest request) {
    ConfigFailure f400 = assertInstanceOf(ConfigFailure.class, f.failure(p -> p.callback(request)));
    assertEquals(ErrorCode.BAD_REQUEST, f400.code(), f400.toString());
    return f400;
  }

  @Test
  void withAClientSecretTheFlowUsesBasicAuthAndStoresTheAuthorization() {
    f.redeployPlayer(Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID, "SPOTIFY_CLIENT_SECRET",
        FakeAccounts.CLIENT_SECRET));
    assertEquals("not_configured", f.call(p -> p.status()).state());
    AuthorizeReply reply = authorize();
    String url = reply.authorizeUrl();
    assertTrue(url.startsWith(f.fake.url() + "/authorize?"), url);
    assertEquals("code", param(url, "response_type"));
    assertEquals(FakeAccounts.CLIENT_ID, param(url, "client_id"));
    assertEquals(REDIRECT, param(url, "redirect_uri"));
    assertEquals(reply.state(), param(url, "state"));
    assertEquals(String.join(" ", AccountsClient.SCOPES), param(url, "scope"));
    assertNull(param(url, "code_challenge"), "no PKCE with a secret");

    String landed = consent(reply);
    assertTrue(landed.startsWith(REDIRECT + "?code="), landed);
    SpotifyStatus status = f.call(p -> p.callback(new CallbackRequest(landed, null, null)));
    assertEquals("connected", status.state());
    assertEquals(T0, status.authorizedAt());
    Recorded exchange = f.fake.requests("POST", "/api/token").get(0);
    assertTrue(exchange.authorization().startsWith("Basic "), "the secret authenticates the client");
    assertTrue(exchange.body().contains("grant_type=authorization_code"), exchange.body());
    SpotifyState stored = f.stored();
    assertEquals(FakeAccounts.CLIENT_SECRET, stored.clientSecret());
    assertEquals(f.fake.accounts().latestRefreshToken(), stored.refreshToken());
    assertEquals(T0, stored.authorizedAt());
    assertTrue(f.call(p -> p.play(PlayerVerticleTest.fired())).played());
  }

  @Test
  void withoutASecretTheFlowUsesPkce() {
    f.redeployPlayer(Map.of());
    f.call(p -> p.putCredentials(new SpotifyCredentialsRequest(FakeAccounts.CLIENT_ID, null, null)));
    AuthorizeReply reply = authorize();
    assertEquals("S256", param(reply.authorizeUrl(), "code_challenge_method"));
    assertNotNull(param(reply.authorizeUrl(), "code_challenge"));
    String code = param(consent(reply), "code");
    assertEquals("connected", f.call(p -> p.callback(new CallbackRequest(null, code, reply.state()))).state());
    Recorded exchange = f.fake.requests("POST", "/api/token").get(0);
    assertNull(exchange.authorization(), "no secret anywhere");
    assertTrue(exchange.body().contains("code_verifier=") && exchange.body().contains("client_id="), exchange.body());
    assertNull(f.stored().clientSecret());
    assertNotNull(f.stored().refreshToken());
  }

  @Test
  void aWrongReusedOrExpiredStateStoresNothing() {
    f.redeployPlayer(Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID, "SPOTIFY_CLIENT_SECRET",
        FakeAccounts.CLIENT_SECRET));
    AuthorizeReply reply = authorize();
    String code = param(consent(reply), "code");
    refused(new CallbackRequest(null, code, "not-the-state"));
    assertEquals(0, f.spotifySection().revision());

    assertEquals("connected", f.call(p -> p.callback(new CallbackRequest(null, code, reply.state()))).state());
    long revision = f.spotifySection().revision();
    ConfigFailure reused = refused(new CallbackRequest(null, code, reply.state()));
    assertTrue(reused.getMessage().contains("used already"), reused.getMessage());
    assertEquals(revision, f.spotifySection().revision());

    AuthorizeReply late = authorize();
    String lateCode = param(consent(late), "code");
    f.clock.set(T0.plus(Duration.ofMinutes(10)));
    refused(new CallbackRequest(null, lateCode, late.state()));
    assertEquals(revision, f.spotifySection().revision());
    assertEquals(1, f.tokenRequests(), "no code was exchanged for a refused state");
  }

  @Test
  void aDenialOrAnAddressWithoutACodeIsABadRequestInWords() {
    f.redeployPlayer(Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID));
    AuthorizeReply reply = authorize();
    f.fake.accounts().denyNext();
    String denied = consent(reply);
    assertTrue(refused(new CallbackRequest(denied, null, null)).getMessage().contains("denied"));
    assertTrue(refused(new CallbackRequest("http://127.0.0.1:5001/api/spotify/callback", null, null))
        .getMessage().contains("no code and state"));
    refused(new CallbackRequest(null, null, null));
    refused(new CallbackRequest(REDIRECT + "?code=x&state=y", "x", "y"));
    refused(new CallbackRequest(REDIRECT + "?code=%zz&state=y", null, null));
    assertEquals(0, f.spotifySection().revision());
  }

  @Test
  void aCodeSpotifyRefusesIsABadRequestAndStoresNothing() {
    f.redeployPlayer(Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID, "SPOTIFY_CLIENT_SECRET",
        FakeAccounts.CLIENT_SECRET));
    AuthorizeReply reply = authorize();
    ConfigFailure refused = refused(new CallbackRequest(null, "a-code-spotify-never-issued", reply.state()));
    assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    assertFalse(refused.getMessage().contains("a-code-spotify-never-issued"), refused.getMessage());
    assertEquals(0, f.spotifySection().revision());
  }

  @Test
  void redirectUrisSpotifyWouldRefuseAreRefusedHere() {
    f.redeployPlayer(Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID));
    for (String bad : List.of("http://localhost:5001/cb", "http://192.168.1.20:5001/cb", "ftp://127.0.0.1/cb",
        "127.0.0.1:5001/cb", "")) {
      ConfigFailure failure = assertInstanceOf(ConfigFailure.class,
          f.failure(p -> p.authorize(new AuthorizeRequest(bad))));
      assertEquals(ErrorCode.BAD_REQUEST, failure.code(), bad);
      assertEquals("redirect_uri", failure.errors().get(0).field());
    }
    for (String good : List.of("https://spotipi.example/cb", "http://[::1]:5001/api/spotify/callback", REDIRECT)) {
      assertNotNull(f.call(p -> p.authorize(new AuthorizeRequest(good))).state(), good);
    }
  }

  @Test
  void withoutAClientIdThereIsNothingToAuthorize() {
    f.redeployPlayer(Map.of());
    ConfigFailure failure = assertInstanceOf(ConfigFailure.class,
        f.failure(p -> p.authorize(new AuthorizeRequest(REDIRECT))));
    assertEquals(ErrorCode.NOT_CONNECTED, failure.code());
    assertTrue(failure.getMessage().contains("client id"), failure.getMessage());
  }

  @Test
  void afterADisconnectTheConfiguredAppConnectsAgainAndTheMarkIsGone() {
    f.redeployPlayer(PlayerStack.credentials(f.fake.accounts().issueRefreshToken()));
    f.call(p -> p.deleteCredentials());
    String landed = consent(authorize());
    assertEquals("connected", f.call(p -> p.callback(new CallbackRequest(landed, null, null))).state());
    assertFalse(f.stored().disconnected());
    assertEquals(FakeAccounts.CLIENT_SECRET, f.stored().clientSecret());
  }
}
