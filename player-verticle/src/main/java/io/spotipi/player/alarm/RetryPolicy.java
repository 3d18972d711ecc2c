package io.spotipi.player.alarm;

import io.spotipi.player.client.SpotifyError;
import java.time.Duration;

/**
 * Whether a failed step of the play sequence is tried again, and when. Pure: the caller passes the
 * attempt count, the error, the time left before the deadline and a jitter in [0, 1).
 *
 * <ul>
 *   <li>429: after its {@code Retry-After} while that fits the time left, else give up (it can be an hour);
 *   <li>5xx, no answer, a store hiccup, a missing device, a command not yet in effect: exponential backoff
 *       with jitter (half the step fixed, half random), capped;
 *   <li>404 (a device that just woke often answers so, then plays): after the wake wait;
 *   <li>anything else (401 after the client's own refresh, 400, 403, no credentials): give up at once.
 * </ul>
 */
public record RetryPolicy(int maxAttempts, Duration backoffBase, Duration backoffMax, Duration wakeWait) {

  public sealed interface Decision {
  }

  public record Retry(long afterMs) implements Decision {
  }

  public record GiveUp(String reason) implements Decision {
  }

  /**
   * @param attempt how many attempts have failed so far (1 after the first)
   */
  public Decision decide(int attempt, SpotifyError error, Duration timeLeft, double jitter) {
    String what = error.describe();
    if (attempt >= maxAttempts) {
      return new GiveUp(what + " (" + attempt + " attempts)");
    }
    long delay;
    if (error.isStatus(429)) {
      long seconds = error.retryAfterSeconds() == null ? 1 : error.retryAfterSeconds();
      delay = seconds * 1000;
      if (delay >= timeLeft.toMillis()) {
        return new GiveUp("rate limited by Spotify for " + seconds + " s, longer than the " + timeLeft.toSeconds()
            + " s left before the deadline");
      }
      return new Retry(delay);
    } else if (error.isStatus(404)) {
      delay = wakeWait.toMillis();
    } else if (backsOff(error)) {
      long step = Math.min(backoffMax.toMillis(), backoffBase.toMillis() << Math.min(attempt - 1, 30));
      delay = step / 2 + (long) (jitter * (step - step / 2));
    } else {
      return new GiveUp(what);
    }
    return delay < timeLeft.toMillis() ? new Retry(delay) : new GiveUp(what + " (no time left before the deadline)");
  }

  private static boolean backsOff(SpotifyError error) {
    return switch (error.kind()) {
      case HTTP -> error.status() >= 500;
      case CONNECTION, STORE, NO_DEVICE, UNCONFIRMED -> true;
      case NOT_CONNECTED, REAUTHORIZE -> false;
    };
  }
}
