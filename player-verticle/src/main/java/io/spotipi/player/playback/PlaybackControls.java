package io.spotipi.player.playback;

import io.spotipi.player.PlayerOptions;
import io.spotipi.player.alarm.PlaybackChecks;
import io.spotipi.player.alarm.RetryPolicy;
import io.spotipi.player.client.Device;
import io.spotipi.player.client.PlayRequest;
import io.spotipi.player.client.PlaybackState;
import io.spotipi.player.client.SpotifyClient;
import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.client.SpotifyUri;
import io.spotipi.player.device.DeviceCache;
import io.spotipi.player.device.DeviceResolver;
import io.spotipi.player.device.Resolution;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.message.ControlDone;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.PlaybackCommand;
import io.spotipi.shared.message.PlaybackStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's playback controls, and the steps snooze and the sleep timer play with. A device is found
 * as for an alarm: by name (exact, then a fresh list, a unique partial match, the last id seen, the
 * fallback device); without a name the active device, else the alarm's, else the fallback. Each call
 * to Spotify is retried as for an alarm ({@link Retrying}) until the command's deadline. Confined to
 * the player's event loop.
 */
public final class PlaybackControls {
  private static final Logger log = LoggerFactory.getLogger(PlaybackControls.class);

  private final Vertx vertx;
  private final SpotifyClient spotify;
  private final DeviceCache devices;
  private final ConfigClient config;
  private final Supplier<Map<String, String>> lastKnownDevices;
  private final PlayerOptions options;
  private final Retrying retrying;
  private final Clock clock;
  private final Duration deadline;
  private final RandomGenerator random;

  /**
   * @param lastKnownDevices the config's {@code last_known_devices} (device name → the last id seen)
   * @param deadline how long one command may take, retries included
   */
  public PlaybackControls(Vertx vertx, SpotifyClient spotify, DeviceCache devices, ConfigClient config,
      Supplier<Map<String, String>> lastKnownDevices, PlayerOptions options, Clock clock, Duration deadline,
      RandomGenerator random) {
    this.vertx = vertx;
    this.spotify = spotify;
    this.devices = devices;
    this.config = config;
    this.lastKnownDevices = lastKnownDevices;
    this.options = options;
    this.retrying = new Retrying(vertx, clock, new RetryPolicy(options.getMaxAttempts(), options.backoffBase(),
        options.backoffMax(), options.wakeWait()), random);
    this.clock = clock;
    this.deadline = deadline;
    this.random = random;
  }

  /** The instant a command started now must be done by. */
  public Instant deadline() {
    return clock.instant().plus(deadline);
  }

  /** What plays where; empty when nothing plays. */
  public Future<Optional<PlaybackStatus>> state() {
    return call("read the player", deadline(), spotify::player).map(o -> o.map(PlaybackView::of));
  }

  /** Plays a playlist, album or artist as a context, or a track alone. */
  public Future<ControlDone> play(PlayCommand command) {
    SpotifyUri uri = SpotifyUri.parse(command.uri());
    Instant until = deadline();
    return target(command.deviceName(), until).compose(device ->
        start(device, uri, command.volume(), command.shuffle(), until).map(v -> done(device, "play " + uri)));
  }

  /** Pause, resume, next, previous or volume. */
  public Future<ControlDone> command(PlaybackCommand command) {
    String action = command.action();
    Instant until = deadline();
    return switch (action) {
      case PlaybackCommand.PAUSE -> active(until).compose(d -> pause(d.deviceId(), until).map(v -> done(d, action)));
      case PlaybackCommand.RESUME -> target(null, until).compose(d ->
          call(action, until, () -> spotify.play(d.deviceId(), PlayRequest.resume())).map(v -> done(d, action)));
      case PlaybackCommand.NEXT -> active(until).compose(d ->
          call(action, until, () -> spotify.next(d.deviceId())).map(v -> done(d, action)));
      case PlaybackCommand.PREVIOUS -> active(until).compose(d ->
          call(action, until, () -> spotify.previous(d.deviceId())).map(v -> done(d, action)));
      case PlaybackCommand.VOLUME -> active(until).compose(d -> call(action, until,
          () -> spotify.volume(d.deviceId(), command.volume())).map(v -> done(d, "volume " + command.volume())));
      default -> throw new IllegalArgumentException("no playback action '" + action + "'");
    };
  }

  /**
   * The device for {@code wanted}; without a name the active one, else the alarm's ({@code device_name}),
   * else the fallback. Fails with NO_DEVICE when none fits.
   */
  public Future<Resolution> target(String wanted, Instant until) {
    if (wanted != null && !wanted.isBlank()) {
      return named(wanted, until);
    }
    return activeDevice(until).compose(active -> active.map(Future::succeededFuture)
        .orElseGet(() -> config.load().compose(snap ->
            named(String.valueOf(snap.config().getValue(ConfigKeys.DEVICE_NAME, "")), until))));
  }

  /** The device that is active now, if one is and takes commands. */
  public Future<Optional<Resolution>> activeDevice(Instant until) {
    return call("read the player", until, spotify::playback).map(state -> state.map(PlaybackState::device)
        .filter(Device::usable).map(d -> new Resolution(d.id(), d.name(), Resolution.Via.ACTIVE, d.supportsVolume())));
  }

  /**
   * Starts {@code uri} (null: what the device played last) on the device: volume, play, volume again
   * (some devices reset it when playback starts), then shuffle once it plays (starting resets shuffle).
   * Shuffling an album or playlist also starts at a random track.
   */
  public Future<Void> start(Resolution device, SpotifyUri uri, Integer volume, Boolean shuffle, Instant until) {
    String id = device.deviceId();
    return volumeQuietly(device, volume, until)
        .compose(v -> request(uri, shuffle))
        .compose(request -> call("play", until, () -> spotify.play(id, request)))
        .compose(v -> volumeQuietly(device, volume, until))
        .compose(v -> shuffle == null ? Future.succeededFuture()
            : untilPlaying(id, options.getPollAttempts()).compose(playing ->
                call("shuffle", until, () -> spotify.shuffle(id, shuffle))));
  }

  /** Pauses the device; one that is paused already (Spotify: 403 RESTRICTION_VIOLATED) counts as paused. */
  public Future<Void> pause(String deviceId, Instant until) {
    return call("pause", until, () -> spotify.pause(deviceId)).recover(err ->
        SpotifyException.errorOf(err).isReason("RESTRICTION_VIOLATED") ? Future.succeededFuture()
            : Future.failedFuture(err));
  }

  /** Sets the volume unless the device takes none; a device that refuses it is left as it is. */
  public Future<Void> volumeQuietly(Resolution device, Integer volume, Instant until) {
    if (volume == null || !device.supportsVolume()) {
      return Future.succeededFuture();
    }
    return call("volume", until, () -> spotify.volume(device.deviceId(), volume)).recover(err -> {
      if (SpotifyException.errorOf(err).isReason("VOLUME_CONTROL_DISALLOW")) {
        log.info("'{}' refuses volume control: left at its own volume", device.name());
        return Future.succeededFuture();
      }
      return Future.failedFuture(err);
    });
  }

  /** A call to Spotify, retried as for an alarm until {@code until}. */
  public <T> Future<T> call(String what, Instant until, Supplier<Future<T>> call) {
    return retrying.run(what, until, call);
  }

  /** The device that is active now; NO_DEVICE when none is. */
  private Future<Resolution> active(Instant until) {
    return activeDevice(until).map(active -> active.orElseThrow(() -> new SpotifyException("find the active device",
        SpotifyError.of(SpotifyError.Kind.NO_DEVICE, "no device is active: nothing plays"))));
  }

  private Future<PlayRequest> request(SpotifyUri uri, Boolean shuffle) {
    if (uri == null || !Boolean.TRUE.equals(shuffle) || !uri.takesOffset()) {
      return Future.succeededFuture(new PlayRequest(uri, null));
    }
    return spotify.trackCount(uri).map(total -> new PlayRequest(uri, total > 0 ? random.nextInt(total) : null))
        .otherwise(new PlayRequest(uri, null));
  }

  private Future<Boolean> untilPlaying(String id, int looks) {
    return spotify.playback().map(s -> PlaybackChecks.playing(s, id)).otherwise(false).compose(yes -> {
      if (yes || looks <= 1) {
        return Future.succeededFuture(yes);
      }
      Promise<Void> wait = Promise.promise();
      vertx.setTimer(Math.max(1, options.pollInterval().toMillis()), t -> wait.complete());
      return wait.future().compose(v -> untilPlaying(id, looks - 1));
    });
  }

  /** By name: an exact match in a fresh cached list at once, else the resolver's full order on a new list. */
  public Future<Resolution> named(String wanted, Instant until) {
    Optional<Resolution> quick = DeviceResolver.normalize(wanted).isEmpty() ? Optional.empty()
        : devices.fresh().flatMap(list -> DeviceResolver.exact(list, wanted));
    if (quick.isPresent()) {
      return Future.succeededFuture(quick.get());
    }
    return call("list the devices", until, () -> devices.devices(true))
        .map(list -> resolve(list, wanted, lastKnownDevices.get()));
  }

  private Resolution resolve(List<Device> list, String wanted, Map<String, String> lastKnown) {
    return DeviceResolver.resolve(list, wanted, lastKnown, options.getFallbackDevice()).orElseThrow(() ->
        new SpotifyException("find the device",
            SpotifyError.of(SpotifyError.Kind.NO_DEVICE, DeviceResolver.describeMiss(list, wanted))));
  }

  private static ControlDone done(Resolution device, String what) {
    log.info("playback: {} on '{}' (device {})", what, device.name(), device.deviceId());
    return new ControlDone(device.deviceId(), device.name());
  }
}
