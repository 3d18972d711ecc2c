package io.spotipi.player.playback;

import io.spotipi.player.alarm.RetryPolicy;
import io.spotipi.player.client.SpotifyException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call to Spotify again as the alarm's {@link RetryPolicy} decides (429 after its
 * {@code Retry-After} while that fits, 5xx and no answer with backoff, a waking device's 404 after the
 * wake wait), until a deadline. When it gives up, the future fails with the last error as it was, so
 * that its mapping (a 429's {@code Retry-After} included) reaches the caller.
 */
public final class Retrying {
  private static final Logger log = LoggerFactory.getLogger(Retrying.class);

  private final Vertx vertx;
  private final Clock clock;
  private final RetryPolicy policy;
  private final RandomGenerator random;

  public Retrying(Vertx vertx, Clock clock, RetryPolicy policy, RandomGenerator random) {
    this.vertx = vertx;
    this.clock = clock;
    this.policy = policy;
    this.random = random;
  }

  /** {@code call} until it succeeds, the policy gives up, or the deadline has passed. */
  public <T> Future<T> run(String what, Instant deadline, Supplier<Future<T>> call) {
    return attempt(what, deadline, call, 1);
  }

  private <T> Future<T> attempt(String what, Instant deadline, Supplier<Future<T>> call, int n) {
    return call.get().recover(err -> {
      RetryPolicy.Decision d = policy.decide(n, SpotifyException.errorOf(err), Duration.between(clock.instant(),
          deadline), random.nextDouble());
      if (d instanceof RetryPolicy.Retry retry) {
        log.info("{} failed ({}), attempt {} in {} ms", what, err.getMessage(), n + 1, retry.afterMs());
        Promise<Void> wait = Promise.promise();
        vertx.setTimer(Math.max(1, retry.afterMs()), t -> wait.complete());
        return wait.future().compose(v -> attempt(what, deadline, call, n + 1));
      }
      return Future.failedFuture(err);
    });
  }
}
