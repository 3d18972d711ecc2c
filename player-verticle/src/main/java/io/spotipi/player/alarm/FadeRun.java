package io.spotipi.player.alarm;

import io.spotipi.player.client.SpotifyClient;
import io.spotipi.player.client.SpotifyException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fade plan on Vert.x timers once the alarm plays. Before each rise it looks at the player and
 * stops when the user has taken over ({@link PlaybackChecks#fadeInterrupted}). A failed step is left
 * to the next, which sets more anyway; the last one is tried again a few times, so that a hiccup
 * (an expired token, a 5xx) does not leave the alarm quiet.
 */
final class FadeRun {
  private static final Logger log = LoggerFactory.getLogger(FadeRun.class);

  private final Vertx vertx;
  private final SpotifyClient spotify;
  private final String occurrence;
  private final String deviceId;
  private final List<Fade.Step> steps;
  private final int lastStepTries;
  private final long retryGapMs;
  private final Promise<Void> done = Promise.promise();
  private int lastSet = -1;

  FadeRun(Vertx vertx, SpotifyClient spotify, String occurrence, String deviceId, List<Fade.Step> steps,
      int lastStepTries, long retryGapMs) {
    this.vertx = vertx;
    this.spotify = spotify;
    this.occurrence = occurrence;
    this.deviceId = deviceId;
    this.steps = steps;
    this.lastStepTries = lastStepTries;
    this.retryGapMs = Math.max(1, retryGapMs);
  }

  Future<Void> start() {
    // The first step again: some devices reset the volume when playback starts.
    set(0, 1);
    return done.future();
  }

  private void set(int i, int tries) {
    Fade.Step step = steps.get(i);
    Future<Optional<String>> interrupted = i == 0 ? Future.succeededFuture(Optional.empty())
        : spotify.playback().map(s -> PlaybackChecks.fadeInterrupted(s, deviceId, lastSet))
            .otherwise(Optional.empty());
    interrupted.compose(stop -> {
      if (stop.isPresent()) {
        log.info("occurrence {}: fade-in stopped at volume {}: {}", occurrence, lastSet, stop.get());
        done.tryComplete();
        return Future.succeededFuture();
      }
      return spotify.volume(deviceId, step.volume()).transform(ar -> {
        if (ar.succeeded()) {
          lastSet = step.volume();
          next(i);
        } else if (SpotifyException.errorOf(ar.cause()).isReason("VOLUME_CONTROL_DISALLOW")) {
          log.info("occurrence {}: fade-in stopped, the device refuses volume control", occurrence);
          done.tryComplete();
        } else {
          log.warn("occurrence {}: fade step to volume {} failed: {}", occurrence, step.volume(),
              ar.cause().getMessage());
          if (i == steps.size() - 1 && tries < lastStepTries) {
            vertx.setTimer(retryGapMs, t -> set(i, tries + 1));
          } else {
            next(i);
          }
        }
        return Future.succeededFuture();
      });
    });
  }

  private void next(int i) {
    if (i + 1 >= steps.size()) {
      if (lastSet == steps.get(i).volume()) {
        log.info("occurrence {}: volume {} reached", occurrence, lastSet);
      }
      done.tryComplete();
      return;
    }
    vertx.setTimer(Math.max(1, steps.get(i + 1).at().minus(steps.get(i).at()).toMillis()), t -> set(i + 1, 1));
  }

}
