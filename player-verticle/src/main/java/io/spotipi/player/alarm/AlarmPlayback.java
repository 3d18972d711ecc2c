package io.spotipi.player.alarm;

import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.player.PlayerOptions;
import io.spotipi.player.auth.TokenCache;
import io.spotipi.player.client.SpotifyClient;
import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.client.SpotifyUri;
import io.spotipi.player.device.DeviceCache;
import io.spotipi.player.device.DeviceResolver;
import io.spotipi.player.device.Resolution;
import io.spotipi.shared.message.AlarmSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays fired alarms on Spotify. {@link #prepare} runs from about {@link PlayerOptions#prepareAhead()}
 * before the instant (a token with minutes left, the device resolved, a shuffle's track count), so
 * that the instant itself needs neither the accounts service nor a device lookup; {@link #play} runs
 * the sequence at the instant and completes with its outcome within the deadline. Confined to the
 * owning verticle's event loop.
 */
public class AlarmPlayback {
  private static final Logger log = LoggerFactory.getLogger(AlarmPlayback.class);

  /** What {@link #prepare} found for an alarm, used by {@link #play} while it is recent. */
  record Prepared(AlarmSpec alarm, Resolution device, Integer trackCount, Instant at) {
  }

  /** What a run of the sequence works with. */
  record Deps(Vertx vertx, SpotifyClient spotify, DeviceCache devices, PlayerOptions options, Clock clock,
      RandomGenerator random, Supplier<Map<String, String>> lastKnownDevices, RetryPolicy policy) {

    /** The alarm's device in a freshly fetched list, in the resolver's full order. */
    Future<Resolution> resolveFresh(AlarmSpec alarm) {
      return devices.devices(true).map(list -> DeviceResolver.resolve(list, alarm.deviceName(),
          lastKnownDevices.get(), options.getFallbackDevice()).orElseThrow(() -> new SpotifyException(
              "find the device",
              SpotifyError.of(SpotifyError.Kind.NO_DEVICE, DeviceResolver.describeMiss(list, alarm.deviceName())))));
    }

    /** The album's or playlist's track count for a random start; null when not shuffling or it cannot be had. */
    Future<Integer> trackCount(AlarmSpec alarm) {
      if (!alarm.shuffle() || alarm.playlistUri() == null || alarm.playlistUri().isEmpty()) {
        return Future.succeededFuture(null);
      }
      SpotifyUri uri = SpotifyUri.parse(alarm.playlistUri());
      if (!uri.takesOffset()) {
        return Future.succeededFuture(null);
      }
      return spotify.trackCount(uri).otherwise(err -> {
        log.info("no track count for {}, starting at its first track: {}", uri, err.getMessage());
        return null;
      });
    }
  }

  private final Deps deps;
  private final TokenCache tokens;

  private Prepared prepared;
  private Future<Void> fading = Future.succeededFuture();

  /**
   * @param lastKnownDevices the config's {@code last_known_devices}: device name → the last id seen for it
   */
  public AlarmPlayback(Vertx vertx, SpotifyClient spotify, TokenCache tokens, DeviceCache devices,
      PlayerOptions options, Clock clock, RandomGenerator random, Supplier<Map<String, String>> lastKnownDevices) {
    this.tokens = tokens;
    this.deps = new Deps(vertx, spotify, devices, options, clock, random, lastKnownDevices,
        new RetryPolicy(options.getMaxAttempts(), options.backoffBase(), options.backoffMax(), options.wakeWait()));
  }

  /**
   * Gets ready for the alarm: an access token valid for {@link PlayerOptions#prepareTokenValidity()},
   * its device from a fresh list, and the track count for a random start. Fails when any of it fails;
   * {@link #play} then does it all itself.
   */
  public Future<Void> prepare(String occurrence, AlarmSpec alarm) {
    return tokens.accessToken(deps.options().prepareTokenValidity())
        .compose(token -> deps.resolveFresh(alarm))
        .compose(device -> deps.trackCount(alarm).map(count -> new Prepared(alarm, device, count,
            deps.clock().instant())))
        .onSuccess(p -> {
          prepared = p;
          log.info("occurrence {}: prepared: device '{}' ({}), token valid for {} s", occurrence, p.device().name(),
              p.device().via(), tokens.status().token().validForSeconds());
        })
        .onFailure(err -> log.warn("occurrence {}: not prepared, the alarm will try at its instant: {}", occurrence,
            err.getMessage()))
        .mapEmpty();
  }

  /**
   * Plays the alarm now: transfer, first volume, play, confirm, shuffle; then the fade runs on timers.
   * Never fails: the outcome says {@code failed} with the reason, at the latest at {@code deadline}.
   */
  public Future<PlayOutcome> play(String occurrence, AlarmSpec alarm, Instant deadline) {
    if (tokens.state() == TokenCache.State.NOT_CONFIGURED) {
      log.info("occurrence {}: {}; would have played '{}' on '{}' at volume {} (fade-in {}, shuffle {})", occurrence,
          TokenCache.NOT_CONNECTED, alarm.playlistUri(), alarm.deviceName(), alarm.alarmVolume(), alarm.fadeIn(),
          alarm.shuffle());
      return Future.succeededFuture(PlayOutcome.failed(occurrence, ErrorCode.NOT_CONNECTED, TokenCache.NOT_CONNECTED));
    }
    if (tokens.state() == TokenCache.State.REAUTHORIZE) {
      String detail = tokens.status().lastError();
      log.warn("occurrence {}: not played: {}", occurrence, detail);
      return Future.succeededFuture(PlayOutcome.failed(occurrence, ErrorCode.NOT_CONNECTED, detail));
    }
    Prepared ready = prepared != null && prepared.alarm().equals(alarm)
        && deps.clock().instant().isBefore(prepared.at().plus(deps.options().prepareAhead())
            .plus(deps.options().playDeadline()))
        ? prepared : null;
    prepared = null;
    AlarmRun run = new AlarmRun(deps, occurrence, alarm, deadline, ready);
    return run.start().onSuccess(outcome -> {
      if (outcome.played()) {
        fading = run.fade();
      }
    });
  }

  /** The fade of the alarm played last; completed when it has ended (or none runs). */
  public Future<Void> fading() {
    return fading;
  }
}
