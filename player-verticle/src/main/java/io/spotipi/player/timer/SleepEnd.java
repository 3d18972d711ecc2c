package io.spotipi.player.timer;

import io.spotipi.player.client.PlaybackState;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.device.Resolution;
import io.spotipi.shared.PlayerState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a claimed sleep timer: the volume fades to 0 over {@code sleepFadeMs} in steps, playback
 * pauses, the device gets its volume from before the timer back, and the timer leaves the section.
 * Before each step it checks that the timer is still this claim's (a new timer or an alarm took over:
 * it stops at once, touching nothing) and what the player does ({@link FadeOut#interruption}).
 */
final class SleepEnd {
  private static final Logger log = LoggerFactory.getLogger(SleepEnd.class);

  private final TimerDeps deps;
  private final PlayerState.Sleep sleep;
  private final Resolution device;
  private int lastSet;

  SleepEnd(TimerDeps deps, PlayerState.Sleep sleep) {
    this.deps = deps;
    this.sleep = sleep;
    this.device = new Resolution(sleep.deviceId(), sleep.deviceName(), Resolution.Via.LAST_KNOWN, true);
  }

  void run() {
    look().compose(state -> {
      if (!mine()) {
        return Future.succeededFuture();
      }
      if (!state.map(s -> s.playingOn(sleep.deviceId())).orElse(false)) {
        return finish(FadeOut.Interruption.PAUSED);
      }
      lastSet = state.get().volume() != null ? state.get().volume() : sleep.volume();
      return fade(FadeOut.steps(lastSet, Duration.ofMillis(deps.options().sleepFadeMs()),
          deps.options().sleepFadeSteps()), 0, Duration.ZERO);
    }).onFailure(err -> log.warn("sleep: timer {} did not end cleanly: {}", sleep.id(), err.getMessage()));
  }

  private Future<Void> fade(List<FadeOut.Step> steps, int i, Duration at) {
    if (i >= steps.size()) {
      return finish(FadeOut.Interruption.NONE);
    }
    FadeOut.Step step = steps.get(i);
    return sleep(step.at().minus(at)).compose(v -> look()).compose(state -> {
      if (!mine()) {
        log.info("sleep: timer {} was replaced or ended by an alarm: its fade stops", sleep.id());
        return Future.succeededFuture();
      }
      FadeOut.Interruption why = FadeOut.interruption(state, sleep.deviceId(), lastSet);
      if (why != FadeOut.Interruption.NONE) {
        return finish(why);
      }
      return deps.spotify().volume(sleep.deviceId(), step.volume()).transform(ar -> {
        if (ar.succeeded()) {
          lastSet = step.volume();
        } else if (SpotifyException.errorOf(ar.cause()).isReason("VOLUME_CONTROL_DISALLOW")) {
          log.info("sleep: timer {}: the device refuses volume control, pausing without a fade", sleep.id());
          return finish(FadeOut.Interruption.NONE);
        } else {
          log.info("sleep: timer {}: fade step to {} failed, going on: {}", sleep.id(), step.volume(),
              ar.cause().getMessage());
        }
        return fade(steps, i + 1, step.at());
      });
    });
  }

  /**
   * Pause unless someone else did or it plays elsewhere; give the volume back unless turned up; then
   * the timer leaves the section. When Spotify failed for now, it stays, claimed, for another try once
   * the claim runs out.
   */
  private Future<Void> finish(FadeOut.Interruption why) {
    Instant deadline = deps.playback().deadline();
    Future<Void> paused = why == FadeOut.Interruption.NONE && mine()
        ? deps.playback().pause(sleep.deviceId(), deadline) : Future.succeededFuture();
    return paused
        .compose(v -> why == FadeOut.Interruption.TURNED_UP || !mine() ? Future.succeededFuture()
            : deps.playback().volumeQuietly(device, sleep.restoreVolume(), deadline))
        .transform(ar -> {
          if (ar.failed() && Claims.tryAgainLater(ar.cause())) {
            log.warn("sleep: timer {} not ended, another try at {}: {}", sleep.id(), sleep.claim().expires(),
                ar.cause().getMessage());
            return Future.succeededFuture();
          }
          log.info("sleep: timer {} ended on '{}' ({}){}", sleep.id(), sleep.deviceName(),
              why == FadeOut.Interruption.NONE ? "faded out and paused" : why.name().toLowerCase().replace('_', ' '),
              ar.failed() ? ": " + ar.cause().getMessage() : "");
          return deps.store().update(s -> s.sleep() != null && sleep.claim().equals(s.sleep().claim())
              ? s.withSleep(null) : s).mapEmpty();
        });
  }

  /** Whether the section still holds this timer under this claim, as this player last read it. */
  private boolean mine() {
    PlayerState.Sleep now = deps.store().latest().sleep();
    return now != null && now.id().equals(sleep.id()) && sleep.claim().equals(now.claim());
  }

  private Future<Optional<PlaybackState>> look() {
    return deps.playback().call("read the player", deps.playback().deadline(), deps.spotify()::playback);
  }

  private Future<Void> sleep(Duration d) {
    Promise<Void> p = Promise.promise();
    deps.vertx().setTimer(Math.max(1, d.toMillis()), t -> p.complete());
    return p.future();
  }
}
