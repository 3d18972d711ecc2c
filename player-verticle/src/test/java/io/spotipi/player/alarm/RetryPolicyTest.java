package io.spotipi.player.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyError.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8),
      Duration.ofSeconds(2));
  private static final Duration PLENTY = Duration.ofSeconds(90);

  private long retryAfter(RetryPolicy.Decision d) {
    return assertInstanceOf(RetryPolicy.Retry.class, d).afterMs();
  }

  private String givenUp(RetryPolicy.Decision d) {
    return assertInstanceOf(RetryPolicy.GiveUp.class, d).reason();
  }

  @Test
  void serverErrorsBackOffExponentiallyWithHalfJitterAndACap() {
    SpotifyError e502 = SpotifyError.http(502, null, "Bad gateway", null);
    assertEquals(250, retryAfter(policy.decide(1, e502, PLENTY, 0.0)));
    assertEquals(499, retryAfter(policy.decide(1, e502, PLENTY, 0.999)));
    assertEquals(500, retryAfter(policy.decide(2, e502, PLENTY, 0.0)));
    assertEquals(1500, retryAfter(policy.decide(3, e502, PLENTY, 0.5)));
    assertEquals(2000, retryAfter(policy.decide(4, SpotifyError.of(Kind.CONNECTION, "refused"), PLENTY, 0.0)));
    RetryPolicy many = new RetryPolicy(100, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(2));
    assertEquals(4000, retryAfter(many.decide(40, e502, PLENTY, 0.0)));
    assertEquals(7999, retryAfter(many.decide(40, e502, PLENTY, 0.99999)));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    String reason = givenUp(policy.decide(5, SpotifyError.http(503, null, null, null), PLENTY, 0.5));
    assertTrue(reason.contains("HTTP 503") && reason.contains("5 attempts"), reason);
  }

  @Test
  void backoffThatDoesNotFitTheDeadlineGivesUp() {
    String reason = givenUp(policy.decide(4, SpotifyError.http(500, null, null, null), Duration.ofMillis(1500), 0.0));
    assertTrue(reason.contains("no time left"), reason);
  }

  @Test
  void rateLimitWaitsItsRetryAfterWhileThatFits() {
    assertEquals(3000, retryAfter(policy.decide(1, SpotifyError.http(429, null, null, 3L), PLENTY, 0.7)));
    assertEquals(1000, retryAfter(policy.decide(1, SpotifyError.http(429, null, null, null), PLENTY, 0.7)));
  }

  @Test
  void rateLimitLongerThanTheDeadlineGivesUpAtOnceWithTheReason() {
    String reason = givenUp(policy.decide(1, SpotifyError.http(429, null, null, 3600L), PLENTY, 0.0));
    assertEquals("rate limited by Spotify for 3600 s, longer than the 90 s left before the deadline", reason);
  }

  @Test
  void notFoundWaitsForTheDeviceToWake() {
    assertEquals(2000, retryAfter(policy.decide(1, SpotifyError.http(404, null, "Device not found", null), PLENTY,
        0.3)));
  }

  @Test
  void missingDeviceUnconfirmedPlayAndStoreHiccupsBackOff() {
    for (Kind kind : new Kind[] {Kind.NO_DEVICE, Kind.UNCONFIRMED, Kind.STORE}) {
      assertEquals(250, retryAfter(policy.decide(1, SpotifyError.of(kind, "x"), PLENTY, 0.0)), kind.name());
    }
  }

  @Test
  void clientErrorsAndMissingCredentialsGiveUpAtOnce() {
    for (SpotifyError e : new SpotifyError[] {SpotifyError.http(401, null, "expired", null),
        SpotifyError.http(403, "PREMIUM_REQUIRED", "Premium required", null),
        SpotifyError.http(400, null, "bad", null), SpotifyError.of(Kind.NOT_CONNECTED, "Spotify not connected"),
        SpotifyError.of(Kind.REAUTHORIZE, "connect again")}) {
      assertEquals(e.describe(), givenUp(policy.decide(1, e, PLENTY, 0.0)));
    }
  }
}
