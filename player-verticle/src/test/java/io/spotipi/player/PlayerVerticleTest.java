package io.spotipi.player;

import static io.spotipi.player.OverARealOwner.T0;
import static io.spotipi.player.fake.PlayerStack.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.PlayerStack;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.message.SpotifyDevice;
import io.spotipi.shared.message.SpotifyStatus;
import io.spotipi.shared.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployed player over a real config owner, through the bus as the scheduler and the API reach
 * it: each address's answers and failures, where its credentials come from, what survives a restart.
 */
class PlayerVerticleTest extends OverARealOwner {
  static final AlarmSpec ALARM = new AlarmSpec("07:00", List.of(0, 1, 2, 3, 4),
      "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", "Kitchen", 25, false, false);
  static final String DEVICES = "/v1/me/player/devices";

  static AlarmFired fired() {
    Instant now = Instant.now();
    return new AlarmFired(now.toString(), now, now, 0, ALARM);
  }

  private List<String> tokenRequestBodies() {
    return f.fake.requests("POST", "/api/token").stream().map(r -> r.body()).toList();
  }

  private static ConfigFailure failure(ErrorCode code, Throwable t) {
    ConfigFailure failure = assertInstanceOf(ConfigFailure.class, t);
    assertEquals(code, failure.code(), failure.toString());
    return failure;
  }

  @Test
  void theOriginalsEnvFileConnectsAndEveryAddressAnswers() throws Exception {
    f.writeEnvFile(f.fake.accounts().issueRefreshToken());
    f.redeployPlayer(Map.of());
    SpotifyStatus status = f.call(p -> p.status());
    assertEquals("connected", status.state());
    assertNull(status.authorizedAt());
    assertEquals(List.of(new SpotifyDevice("k1", "Kitchen", "Speaker", false, 30, true)),
        f.call(p -> p.devices(true)).devices());
    f.call(p -> p.prepare("2026-12-01T06:00:00Z", ALARM));
    PlayOutcome outcome = f.call(p -> p.play(fired()));
    assertTrue(outcome.played(), outcome.detail());
    assertNull(outcome.failure());
    assertEquals("k1", outcome.deviceId());
    assertEquals(1, f.call(p -> p.status()).token().refreshesTotal());
  }

  @Test
  void withoutCredentialsTheAlarmFailsNotConnectedAndTheRequestsAnswer409() {
    f.redeployPlayer(Map.of());
    assertEquals("not_configured", f.call(p -> p.status()).state());
    PlayOutcome outcome = f.call(p -> p.play(fired()));
    assertEquals(ErrorCode.NOT_CONNECTED, outcome.failure());
    assertEquals("Spotify not connected", outcome.detail());
    failure(ErrorCode.NOT_CONNECTED, f.failure(p -> p.devices(false)));
    failure(ErrorCode.NOT_CONNECTED, f.failure(p -> p.prepare("o", ALARM)));
    assertEquals(0, f.fake.requests().size());
  }

  @Test
  void spotifysFailuresArriveWithTheirCodeAndRetryAfter() {
    f.redeployPlayer(credentials(f.fake.accounts().issueRefreshToken()));
    f.fake.fault(Fault.tooManyRequests("GET", DEVICES, 42));
    ConfigFailure limited = failure(ErrorCode.UNAVAILABLE, f.failure(p -> p.devices(true)));
    assertEquals(42L, limited.retryAfterSeconds());
    f.fake.fault(Fault.status("GET", DEVICES, 403, "PREMIUM_REQUIRED"));
    assertTrue(failure(ErrorCode.FORBIDDEN, f.failure(p -> p.devices(true))).getMessage().contains("PREMIUM_REQUIRED"));
    f.fake.fault(Fault.drop("GET", DEVICES));
    assertNull(failure(ErrorCode.UNAVAILABLE, f.failure(p -> p.devices(true))).retryAfterSeconds());
    assertEquals(1, f.call(p -> p.devices(true)).devices().size());

    f.fake.accounts().revokeRefreshTokens();
    f.fake.accounts().expireAccessTokens();
    ConfigFailure reauthorize = failure(ErrorCode.NOT_CONNECTED, f.failure(p -> p.devices(true)));
    assertTrue(reauthorize.getMessage().contains("connect Spotify again"), reauthorize.getMessage());
    SpotifyStatus status = f.call(p -> p.status());
    assertEquals("reauthorize", status.state());
    assertFalse(status.connected());
    assertEquals(ErrorCode.NOT_CONNECTED, f.call(p -> p.play(fired())).failure());
  }

  @Test
  void malformedRequestsAreBadRequests() {
    f.redeployPlayer(Map.of());
    for (String address : List.of("spotipi.player.play", "spotipi.player.devices", "spotipi.spotify.credentials.put",
        "spotipi.spotify.authorize", "spotipi.spotify.callback")) {
      Throwable t = Await.failure(f.vertx.eventBus().request(address, "not an object"));
      assertEquals(ErrorCode.BAD_REQUEST, ConfigFailure.from(t).code(), address);
    }
  }

  @Test
  void putCredentialsValidatesStoresWithTheAuthorizationDateAndConnects() {
    f.redeployPlayer(Map.of());
    ConfigFailure invalid = failure(ErrorCode.INVALID, f.failure(p -> p.putCredentials(
        new SpotifyCredentialsRequest(" ", "secret with spaces", "x".repeat(SpotifyState.MAX_LENGTH + 1)))));
    assertEquals(List.of("client_id", "client_secret", "refresh_token"),
        invalid.errors().stream().map(e -> e.field()).toList());
    failure(ErrorCode.INVALID, f.failure(p -> p.putCredentials(new SpotifyCredentialsRequest(null, "s", null))));
    failure(ErrorCode.INVALID, f.failure(p -> p.putCredentials(new SpotifyCredentialsRequest("id\u0000", null, null))));
    assertEquals(0, f.spotifySection().revision(), "nothing stored");

    String token = f.fake.accounts().issueRefreshToken();
    SpotifyStatus status = f.call(p -> p.putCredentials(
        new SpotifyCredentialsRequest(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, token)));
    assertEquals("connected", status.state());
    assertEquals(T0, status.authorizedAt());
    assertEquals(SpotifyState.credentials(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, token, T0), f.stored());
    assertEquals(1, f.call(p -> p.devices(false)).devices().size());

    SpotifyStatus appOnly = f.call(p -> p.putCredentials(
        new SpotifyCredentialsRequest(FakeAccounts.CLIENT_ID, null, null)));
    assertEquals("not_configured", appOnly.state());
    assertNull(appOnly.authorizedAt());
  }

  @Test
  void disconnectHidesTheEnvironmentsCredentialsUntilNewOnesAreStored() throws Exception {
    f.writeEnvFile(f.fake.accounts().issueRefreshToken());
    f.redeployPlayer(credentials(f.fake.accounts().issueRefreshToken()));
    assertEquals("connected", f.call(p -> p.status()).state());

    SpotifyStatus gone = f.call(p -> p.deleteCredentials());
    assertEquals("not_configured", gone.state());
    assertFalse(gone.connected());
    assertEquals(SpotifyState.DISCONNECTED_MARK, f.stored());
    f.redeployPlayer(credentials(f.fake.accounts().issueRefreshToken()));
    assertEquals("not_configured", f.call(p -> p.status()).state(), "a restart does not bring them back");
    assertEquals(ErrorCode.NOT_CONNECTED, f.call(p -> p.play(fired())).failure());

    String token = f.fake.accounts().issueRefreshToken();
    assertEquals("connected", f.call(p -> p.putCredentials(
        new SpotifyCredentialsRequest(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, token))).state());
    assertTrue(f.call(p -> p.play(fired())).played());
    assertTrue(tokenRequestBodies().get(0).contains(token), tokenRequestBodies().toString());
  }

  @Test
  void aRotatedRefreshTokenStaysInUseAfterARestartThoughTheEnvironmentHoldsTheOldOne() throws Exception {
    f.fake.accounts().rotate(true);
    String original = f.fake.accounts().issueRefreshToken();
    f.writeEnvFile(original);
    f.redeployPlayer(credentials(original));
    assertTrue(f.call(p -> p.play(fired())).played());
    String rotated = f.fake.accounts().latestRefreshToken();
    assertFalse(f.fake.accounts().refreshTokenValid(original));
    assertEquals(rotated, f.stored().refreshToken(), "durable in the owner's state");
    // A restart of the process: its access token is gone (here: refused, as the shared one stays in this JVM).
    f.fake.accounts().expireAccessTokens();

    f.redeployPlayer(credentials(original));
    assertTrue(Files.readString(f.envFile).contains(original), "the file still holds the old token");
    assertTrue(f.call(p -> p.play(fired())).played());
    assertTrue(tokenRequestBodies().get(1).contains(rotated), tokenRequestBodies().toString());
    assertEquals("connected", f.call(p -> p.status()).state());
  }

  @Test
  void anIdleSpeakerIsWokenByTheIdTheConfigRemembersForIt() {
    f.configure(new JsonObject().put(ConfigKeys.LAST_KNOWN_DEVICES, new JsonObject().put("Bedroom", "b1")));
    f.fake.player().device("b1", "Bedroom").neverListed();
    f.redeployPlayer(credentials(f.fake.accounts().issueRefreshToken()));
    Instant now = Instant.now();
    AlarmSpec bedroom = new AlarmSpec("07:00", List.of(), ALARM.playlistUri(), "bedroom", 20, false, false);
    PlayOutcome outcome = f.call(p -> p.play(new AlarmFired(now.toString(), now, now, 0, bedroom)));
    assertEquals("b1", outcome.deviceId(), outcome.detail());
    assertTrue(outcome.detail().contains("last known id"), outcome.detail());
  }

  @Test
  void theCredentialsFollowTheStoreAndKeepTheirTokenWhileTheyAreTheSame() {
    String token = f.fake.accounts().issueRefreshToken();
    f.redeployPlayer(credentials(token));
    f.call(p -> p.devices(true));
    assertEquals(1, f.tokenRequests());

    Instant authorized = Instant.parse("2026-10-01T08:00:00Z");
    f.storeAsAnotherNode(SpotifyState.credentials(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, token,
        authorized));
    PlayerStack.await("the credentials of another node", () -> authorized.equals(f.call(p -> p.status()).authorizedAt()));
    f.call(p -> p.devices(true));
    assertEquals(1, f.tokenRequests(), "same client and refresh token: the access token stayed");

    String other = f.fake.accounts().issueRefreshToken();
    f.storeAsAnotherNode(SpotifyState.credentials(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, other, T0));
    PlayerStack.await("other credentials", () -> T0.equals(f.call(p -> p.status()).authorizedAt()));
    f.call(p -> p.devices(true));
    assertEquals(2, f.tokenRequests());
    assertTrue(tokenRequestBodies().get(1).contains(other), tokenRequestBodies().toString());

    f.storeAsAnotherNode(SpotifyState.DISCONNECTED_MARK);
    PlayerStack.await("disconnected", () -> "not_configured".equals(f.call(p -> p.status()).state()));
  }
}
