package io.spotipi.player.timer;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Vert.x timers for instants of the clock: one per named slot, never fired before its instant by the
 * clock, and re-reading the clock at least every {@code recheck} (a clock that was set, or moved by a
 * test). Confined to the player's event loop.
 */
public final class Wakeups {
  private final Vertx vertx;
  private final Clock clock;
  private final long recheckMs;
  private final Map<String, Long> timers = new HashMap<>();

  public Wakeups(Vertx vertx, Clock clock, Duration recheck) {
    this.vertx = vertx;
    this.clock = clock;
    this.recheckMs = Math.max(1, recheck.toMillis());
  }

  /** Runs {@code action} once at {@code when} (at once when it has passed), replacing the slot's timer. */
  public void at(String slot, Instant when, Runnable action) {
    cancel(slot);
    long left = Duration.between(clock.instant(), when).toMillis();
    if (left <= 0) {
      action.run();
      return;
    }
    timers.put(slot, vertx.setTimer(Math.min(left, recheckMs), id -> {
      if (timers.remove(slot, id)) {
        at(slot, when, action);
      }
    }));
  }

  /** {@link #at}, or {@link #cancel} when {@code when} is null: for a timer that may have ended. */
  public void atOrCancel(String slot, Instant when, Runnable action) {
    if (when == null) {
      cancel(slot);
    } else {
      at(slot, when, action);
    }
  }

  public void cancel(String slot) {
    Long id = timers.remove(slot);
    if (id != null) {
      vertx.cancelTimer(id);
    }
  }
}
