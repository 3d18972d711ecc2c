package io.spotipi.player.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotifyFailuresTest {

  @Test
  void eachKindOfErrorHasItsCode() {
    Map<SpotifyError, ErrorCode> cases = Map.of(
        SpotifyError.of(SpotifyError.Kind.NOT_CONNECTED, "Spotify not connected"), ErrorCode.NOT_CONNECTED,
        SpotifyError.of(SpotifyError.Kind.REAUTHORIZE, "connect again"), ErrorCode.NOT_CONNECTED,
        SpotifyError.of(SpotifyError.Kind.NO_DEVICE, "no device named 'x'"), ErrorCode.NOT_FOUND,
        SpotifyError.http(404, "NO_ACTIVE_DEVICE", "none", null), ErrorCode.NOT_FOUND,
        SpotifyError.http(403, "PREMIUM_REQUIRED", "premium", null), ErrorCode.FORBIDDEN,
        SpotifyError.http(403, "VOLUME_CONTROL_DISALLOW", "no", null), ErrorCode.FORBIDDEN,
        SpotifyError.http(400, null, "Invalid limit", null), ErrorCode.BAD_REQUEST,
        SpotifyError.http(429, null, null, 30L), ErrorCode.UNAVAILABLE,
        SpotifyError.http(502, null, "Bad gateway", null), ErrorCode.UNAVAILABLE,
        SpotifyError.of(SpotifyError.Kind.CONNECTION, "Connection refused"), ErrorCode.UNAVAILABLE);
    cases.forEach((error, code) -> assertEquals(code, SpotifyFailures.code(error), error.toString()));
    assertEquals(ErrorCode.UNAVAILABLE, SpotifyFailures.code(SpotifyError.http(401, null, "expired", null)));
    assertEquals(ErrorCode.UNAVAILABLE, SpotifyFailures.code(SpotifyError.of(SpotifyError.Kind.UNCONFIRMED, "no")));
  }

  @Test
  void aRateLimitCarriesSpotifysRetryAfterAndTheDetailSaysWhatFailed() {
    ConfigFailure f = SpotifyFailures.of("pause", SpotifyError.http(429, null, "slow down", 3600L));
    assertEquals(ErrorCode.UNAVAILABLE, f.code());
    assertEquals(3600L, f.retryAfterSeconds());
    assertTrue(f.getMessage().startsWith("pause: Spotify answered HTTP 429"), f.getMessage());
    assertNull(SpotifyFailures.of("pause", SpotifyError.http(503, null, null, null)).retryAfterSeconds());
  }

  @Test
  void notConnectedNamesTheStateAndPremiumIsSaidPlainly() {
    assertEquals("play: Spotify is not connected (state not_configured)",
        SpotifyFailures.of("play", SpotifyError.of(SpotifyError.Kind.NOT_CONNECTED, "Spotify not connected"))
            .getMessage());
    assertTrue(SpotifyFailures.of("play", SpotifyError.of(SpotifyError.Kind.REAUTHORIZE, "revoked")).getMessage()
        .contains("state reauthorize"));
    assertTrue(SpotifyFailures.of("play", SpotifyError.http(403, "PREMIUM_REQUIRED", "x", null)).getMessage()
        .contains("Premium is required"));
  }

  @Test
  void otherFailuresPassOrCountAsSpotifyOutOfReach() {
    ConfigFailure own = new ConfigFailure(ErrorCode.CONFLICT, "no alarm to snooze");
    assertSame(own, SpotifyFailures.of("snooze", own));
    ConfigFailure refused = SpotifyFailures.of("play", new ConnectException("Connection refused"));
    assertEquals(ErrorCode.UNAVAILABLE, refused.code());
    assertTrue(refused.getMessage().contains("cannot be reached"), refused.getMessage());
  }
}
