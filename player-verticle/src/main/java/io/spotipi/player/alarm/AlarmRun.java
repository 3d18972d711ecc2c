package io.spotipi.player.alarm;

import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.player.client.PlayRequest;
import io.spotipi.player.client.PlaybackState;
import io.spotipi.player.client.SpotifyClient;
import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.client.SpotifyFailures;
import io.spotipi.player.client.SpotifyUri;
import io.spotipi.player.device.DeviceResolver;
import io.spotipi.player.device.Resolution;
import io.spotipi.shared.message.AlarmSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fired alarm's way to sound: device, transfer, wait until it is active, first volume, play,
 * confirm, shuffle. Each step is retried as {@link RetryPolicy} decides; a device that keeps failing
 * makes way once for another match or the fallback; past the deadline the outcome is failed.
 */
final class AlarmRun {
  private static final Logger log = LoggerFactory.getLogger(AlarmRun.class);

  /** A step that will not be tried again, with the error it ended on. */
  static final class GaveUp extends RuntimeException {
    final transient SpotifyError error;

    GaveUp(String step, String reason, SpotifyError error) {
      super(step + ": " + reason, null, false, false);
      this.error = error;
    }
  }

  private final AlarmPlayback.Deps ctx;
  private final SpotifyClient spotify;
  private final String occurrence;
  private final AlarmSpec alarm;
  private final Instant deadline;
  private final AlarmPlayback.Prepared prepared;
  private final Promise<PlayOutcome> outcome = Promise.promise();
  private final List<String> notes = new ArrayList<>();
  private final long startedNanos = System.nanoTime();

  private boolean over;
  private boolean volumeAllowed;
  private String step = "start";
  private SpotifyError lastError;
  private String lastErrorText;
  private Resolution device;

  AlarmRun(AlarmPlayback.Deps ctx, String occurrence, AlarmSpec alarm, Instant deadline, AlarmPlayback.Prepared prepared) {
    this.ctx = ctx;
    this.spotify = ctx.spotify();
    this.occurrence = occurrence;
    this.alarm = alarm;
    this.deadline = deadline;
    this.prepared = prepared;
  }

  Future<PlayOutcome> start() {
    long left = timeLeft().toMillis();
    if (left <= 0) {
      return Future.succeededFuture(failed(ErrorCode.UNAVAILABLE, "the deadline passed before playback began"));
    }
    long timer = ctx.vertx().setTimer(left, t -> expire());
    Future<PlayOutcome> sequence;
    try {
      sequence = sequence(request());
    } catch (IllegalArgumentException e) {
      sequence = Future.failedFuture(e);
    }
    sequence.onComplete(ar -> {
      ctx.vertx().cancelTimer(timer);
      outcome.tryComplete(ar.succeeded() ? ar.result() : failed(code(ar.cause()), ar.cause().getMessage()));
    });
    return outcome.future();
  }

  /** The fade plan of a played alarm, on timers; nothing when the device refused volume. */
  Future<Void> fade() {
    if (!volumeAllowed) {
      return Future.succeededFuture();
    }
    List<Fade.Step> steps = Fade.steps(alarm.alarmVolume(), alarm.fadeIn(), ctx.options().fadeStep());
    return new FadeRun(ctx.vertx(), spotify, occurrence, device.deviceId(), steps, ctx.options().getMaxAttempts(),
        ctx.options().fadeStep().toMillis()).start();
  }

  private Future<PlayOutcome> sequence(PlayRequest request) {
    return attempt("find the device", n -> resolve()).compose(found -> onDevice(found, request)
        .recover(err -> deviceTrouble(err) && !over ? elsewhere(found, err, request) : Future.failedFuture(err)));
  }

  /** Once, another device for a device that kept failing: another match of the name, else the fallback. */
  private Future<PlayOutcome> elsewhere(Resolution failed, Throwable err, PlayRequest request) {
    Map<String, String> lastKnown = ctx.lastKnownDevices().get();
    return ctx.devices().devices(true).transform(ar -> {
      Optional<Resolution> other = ar.failed() ? Optional.empty()
          : DeviceResolver.resolve(ar.result(), alarm.deviceName(), lastKnown, null)
              .filter(r -> !r.deviceId().equals(failed.deviceId()))
              .or(() -> DeviceResolver.fallback(ar.result(), ctx.options().getFallbackDevice(), lastKnown)
                  .filter(r -> !r.deviceId().equals(failed.deviceId())));
      if (other.isEmpty()) {
        return Future.failedFuture(err);
      }
      notes.add("'" + failed.name() + "' failed (" + err.getMessage() + ")");
      return onDevice(other.get(), request);
    });
  }

  private Future<Resolution> resolve() {
    if (prepared != null) {
      return Future.succeededFuture(prepared.device());
    }
    Optional<Resolution> quick = ctx.devices().fresh().flatMap(list -> DeviceResolver.exact(list, alarm.deviceName()));
    if (quick.isPresent()) {
      return Future.succeededFuture(quick.get());
    }
    return ctx.resolveFresh(alarm);
  }

  private Future<PlayOutcome> onDevice(Resolution target, PlayRequest request) {
    device = target;
    volumeAllowed = target.supportsVolume();
    String id = target.deviceId();
    log.info("occurrence {}: playing {} on '{}' ({}, device {})", occurrence,
        request.uri() == null ? "the last playback" : request.uri(), target.name(), target.via(), id);
    return attempt("transfer", n -> spotify.transfer(id, false))
        .compose(v -> poll(s -> PlaybackChecks.active(s, id)))
        .compose(active -> {
          if (!active) {
            notes.add("not reported active after the transfer");
          }
          return firstVolume(id);
        })
        .compose(v -> offset(request))
        .compose(req -> attempt("play", n -> n == 1 ? startAndConfirm(id, req)
            : poll(s -> PlaybackChecks.playing(s, id), 1)
                .compose(playing -> playing ? Future.<Void>succeededFuture() : startAndConfirm(id, req))))
        .compose(v -> shuffle(id))
        .map(v -> played(target));
  }

  private Future<Void> firstVolume(String id) {
    if (!volumeAllowed) {
      notes.add("the device takes no volume commands: no fade");
      return Future.succeededFuture();
    }
    int first = Fade.steps(alarm.alarmVolume(), alarm.fadeIn(), ctx.options().fadeStep()).get(0).volume();
    return attempt("volume", n -> spotify.volume(id, first).recover(err -> {
      if (SpotifyException.errorOf(err).isReason("VOLUME_CONTROL_DISALLOW")) {
        volumeAllowed = false;
        notes.add("the device refuses volume control: played without the fade");
        return Future.succeededFuture();
      }
      return Future.failedFuture(err);
    }));
  }

  /** The request with a random start position when shuffling an album or playlist. */
  private Future<PlayRequest> offset(PlayRequest request) {
    Future<Integer> count = prepared != null ? Future.succeededFuture(prepared.trackCount()) : ctx.trackCount(alarm);
    return count.map(total -> total == null || total <= 0 ? request
        : new PlayRequest(request.uri(), ctx.random().nextInt(total)));
  }

  private Future<Void> startAndConfirm(String id, PlayRequest request) {
    return spotify.play(id, request).compose(v -> poll(s -> PlaybackChecks.playing(s, id))).compose(playing ->
        playing ? Future.succeededFuture() : Future.failedFuture(new SpotifyException("confirm playback",
            SpotifyError.of(SpotifyError.Kind.UNCONFIRMED, "'" + device.name() + "' did not report playing"))));
  }

  private Future<Void> shuffle(String id) {
    if (!alarm.shuffle()) {
      return Future.succeededFuture();
    }
    // Starting a context resets shuffle: it goes on only now.
    return attempt("shuffle", n -> spotify.shuffle(id, true)).recover(err -> {
      notes.add("shuffle not set (" + err.getMessage() + ")");
      return Future.succeededFuture();
    });
  }

  private Future<Boolean> poll(Predicate<Optional<PlaybackState>> done) {
    return poll(done, ctx.options().getPollAttempts());
  }

  /** Looks at the player up to {@code looks} times, a poll interval apart, until {@code done} holds. */
  private Future<Boolean> poll(Predicate<Optional<PlaybackState>> done, int looks) {
    return spotify.playback().map(done::test).otherwise(false).compose(yes -> {
      if (yes || looks <= 1 || over) {
        return Future.succeededFuture(yes);
      }
      return sleep(ctx.options().pollInterval().toMillis()).compose(v -> poll(done, looks - 1));
    });
  }

  /** Runs a step, and again as long as the policy says so and the deadline allows. */
  private <T> Future<T> attempt(String name, IntFunction<Future<T>> op) {
    return attempt(name, op, 1);
  }

  private <T> Future<T> attempt(String name, IntFunction<Future<T>> op, int n) {
    if (over) {
      return Future.failedFuture(new GaveUp(name, "the deadline passed", null));
    }
    step = name;
    return op.apply(n).recover(err -> {
      SpotifyError error = err instanceof GaveUp g && g.error != null ? g.error : SpotifyException.errorOf(err);
      lastError = error;
      lastErrorText = name + ": " + error.describe();
      if (over) {
        return Future.failedFuture(err);
      }
      RetryPolicy.Decision d = ctx.policy().decide(n, error, timeLeft(), ctx.random().nextDouble());
      if (d instanceof RetryPolicy.GiveUp g) {
        return Future.failedFuture(new GaveUp(name, g.reason(), error));
      }
      long after = ((RetryPolicy.Retry) d).afterMs();
      log.warn("occurrence {}: {} failed ({}), attempt {} in {} ms", occurrence, name, error.describe(), n + 1, after);
      return sleep(after).compose(v -> attempt(name, op, n + 1));
    });
  }

  private PlayRequest request() {
    String uri = alarm.playlistUri();
    if (uri == null || uri.isEmpty()) {
      notes.add("no playlist configured: resumed the last playback");
      return PlayRequest.resume();
    }
    return new PlayRequest(SpotifyUri.parse(uri), null);
  }

  /** A step given up at the deadline carries no error of its own: the last one seen tells why. */
  private ErrorCode code(Throwable err) {
    if (err instanceof GaveUp g) {
      return SpotifyFailures.code(g.error != null ? g.error : lastError);
    }
    return SpotifyFailures.code(err);
  }

  private static boolean deviceTrouble(Throwable err) {
    SpotifyError e = err instanceof GaveUp g ? g.error : SpotifyException.errorOf(err);
    return e != null && (e.isStatus(404) || e.isReason("DEVICE_NOT_CONTROLLABLE")
        || e.kind() == SpotifyError.Kind.UNCONFIRMED);
  }

  private PlayOutcome played(Resolution target) {
    long ms = (System.nanoTime() - startedNanos) / 1_000_000;
    String detail = "played on '" + target.name() + "' (" + target.via() + ")"
        + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    log.info("occurrence {}: {} after {} ms", occurrence, detail, ms);
    return PlayOutcome.played(occurrence, target.deviceId(), target.name(), detail);
  }

  private PlayOutcome failed(ErrorCode failure, String detail) {
    log.warn("occurrence {}: not played ({}): {}", occurrence, failure, detail);
    return PlayOutcome.failed(occurrence, failure, detail);
  }

  private void expire() {
    over = true;
    outcome.tryComplete(failed(SpotifyFailures.code(lastError), "no playback by the deadline (at step " + step
        + (lastErrorText == null ? "" : "; last error " + lastErrorText) + ")"));
  }

  private Duration timeLeft() {
    return Duration.between(ctx.clock().instant(), deadline);
  }

  private Future<Void> sleep(long ms) {
    Promise<Void> p = Promise.promise();
    ctx.vertx().setTimer(Math.max(1, ms), t -> p.complete());
    return p.future();
  }
}
