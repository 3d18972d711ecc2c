package io.spotipi.player.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class SpotifyFailuresTest {

  private static SpotifyException http(int status, String reason, Long retryAfter) {
    return new SpotifyException("PUT /v1/me/player/play", SpotifyError.http(status, reason, "m", retryAfter));
  }

  private static SpotifyException of(SpotifyError.Kind kind) {
    return new SpotifyException("op", SpotifyError.of(kind, "m"));
  }

  @Test
  void eachKindOfTroubleHasItsCode() {
    assertEquals(ErrorCode.NOT_CONNECTED, SpotifyFailures.code(of(SpotifyError.Kind.NOT_CONNECTED)));
    assertEquals(ErrorCode.NOT_CONNECTED, SpotifyFailures.code(of(SpotifyError.Kind.REAUTHORIZE)));
    assertEquals(ErrorCode.NOT_FOUND, SpotifyFailures.code(of(SpotifyError.Kind.NO_DEVICE)));
    assertEquals(ErrorCode.NOT_FOUND, SpotifyFailures.code(http(404, "NO_ACTIVE_DEVICE", null)));
    assertEquals(ErrorCode.FORBIDDEN, SpotifyFailures.code(http(403, "PREMIUM_REQUIRED", null)));
    assertEquals(ErrorCode.FORBIDDEN, SpotifyFailures.code(http(403, "RESTRICTION_VIOLATED", null)));
    assertEquals(ErrorCode.BAD_REQUEST, SpotifyFailures.code(http(400, null, null)));
    assertEquals(ErrorCode.BAD_REQUEST, SpotifyFailures.code(new IllegalArgumentException("not a Spotify URI")));
    for (int status : new int[] {401, 429, 500, 502, 503}) {
      assertEquals(ErrorCode.UNAVAILABLE, SpotifyFailures.code(http(status, null, null)), "HTTP " + status);
    }
    for (SpotifyError.Kind kind : new SpotifyError.Kind[] {SpotifyError.Kind.CONNECTION, SpotifyError.Kind.STORE,
        SpotifyError.Kind.UNCONFIRMED}) {
      assertEquals(ErrorCode.UNAVAILABLE, SpotifyFailures.code(of(kind)), kind.name());
    }
    assertEquals(ErrorCode.UNAVAILABLE, SpotifyFailures.code(new ConnectException("refused")));
    assertEquals(ErrorCode.UNAVAILABLE, SpotifyFailures.code((SpotifyError) null));
  }

  @Test
  void theReplyKeepsTheMessageAndSpotifysRetryAfter() {
    ConfigFailure limited = SpotifyFailures.failure(http(429, null, 30L));
    assertEquals(ErrorCode.UNAVAILABLE, limited.code());
    assertEquals(30L, limited.retryAfterSeconds());
    assertEquals("PUT /v1/me/player/play: HTTP 429 (Retry-After 30 s): m", limited.getMessage());
    assertEquals(7L, SpotifyFailures.failure(http(503, null, 7L)).retryAfterSeconds());
    assertNull(SpotifyFailures.failure(http(502, null, null)).retryAfterSeconds());
    assertNull(SpotifyFailures.failure(of(SpotifyError.Kind.NOT_CONNECTED)).retryAfterSeconds());
  }

  @Test
  void aFailureThatIsAlreadyAReplyPassesAsItIs() {
    ConfigFailure storage = new ConfigFailure(ErrorCode.STORAGE, "disk full");
    assertSame(storage, SpotifyFailures.failure(storage));
    assertEquals(ErrorCode.STORAGE, SpotifyFailures.code(storage));
  }
}
