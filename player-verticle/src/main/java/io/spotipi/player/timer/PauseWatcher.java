package io.spotipi.player.timer;

import io.spotipi.player.client.Device;
import io.spotipi.player.device.Resolution;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.PlayerState;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snooze on pause: while an alarm may be snoozed, with {@code snooze_enabled}, the alarm's watcher
 * (one player, named in the section) looks at the player state every {@code snoozePollMs}, and a pause
 * of the alarm's playback from any Spotify app snoozes it. No looks while it is snoozed, dismissed, or
 * once the window has closed.
 */
final class PauseWatcher {
  private static final Logger log = LoggerFactory.getLogger(PauseWatcher.class);

  private final TimerDeps deps;
  private final Snoozes snoozes;
  private Long timer;
  private boolean looking;
  private PauseDetector detector = PauseDetector.NONE;

  PauseWatcher(TimerDeps deps, Snoozes snoozes) {
    this.deps = deps;
    this.snoozes = snoozes;
  }

  /** Starts looking when this player is the watcher of an alarm that may still be snoozed, else stops. */
  void arm(PlayerState state) {
    PlayerState.AlarmWindow alarm = state.alarm();
    boolean watch = alarm != null && !alarm.dismissed() && deps.me().equals(alarm.watcher());
    if (watch && timer == null) {
      log.info("snooze: watching alarm {} for a pause", alarm.occurrence());
      timer = deps.vertx().setPeriodic(Math.max(1, deps.options().snoozePollMs()), id -> look());
    } else if (!watch && timer != null) {
      stop();
    }
  }

  private void stop() {
    deps.vertx().cancelTimer(timer);
    timer = null;
    detector = PauseDetector.NONE;
  }

  /** One look, unless the last one is still under way: at most one request per period. */
  private void look() {
    PlayerState state = deps.store().latest();
    PlayerState.AlarmWindow alarm = state.alarm();
    if (looking || alarm == null) {
      return;
    }
    if (state.snooze() != null) {
      detector = PauseDetector.NONE;
      return;
    }
    looking = true;
    deps.config().load().compose(config -> {
      if (!deps.clock().instant().isBefore(Snoozes.windowEnd(alarm, config))) {
        log.info("snooze: the window of alarm {} closed", alarm.occurrence());
        stop();
        return Future.succeededFuture();
      }
      if (!Boolean.TRUE.equals(config.get(ConfigKeys.SNOOZE_ENABLED))) {
        detector = PauseDetector.NONE;
        return Future.succeededFuture();
      }
      return deps.spotify().playback().compose(playback -> {
        PauseDetector.Look seen = detector.look(playback, alarm.uri());
        detector = seen.next();
        Device paused = seen.pausedOn();
        if (paused == null) {
          return Future.<Void>succeededFuture();
        }
        log.info("snooze: alarm {} was paused on '{}' from a Spotify app", alarm.occurrence(), paused.name());
        return snoozes.pausedFromApp(alarm,
            new Resolution(paused.id(), paused.name(), Resolution.Via.ACTIVE, paused.supportsVolume()));
      });
    }).onComplete(ar -> {
      looking = false;
      if (ar.failed()) {
        log.info("snooze: a look at the player for alarm {} failed: {}", alarm.occurrence(), ar.cause().getMessage());
      }
    });
  }
}
