package io.spotipi.player.timer;

import io.spotipi.player.client.SpotifyUri;
import io.spotipi.player.device.Resolution;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerState;
import io.spotipi.shared.message.SleepRequest;
import io.spotipi.shared.message.SleepStatus;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sleep timer: start music for a while, then fade it out ({@link SleepEnd}) and pause. The timer is
 * in the player state section: every player arms it, one claims its end. A new timer replaces the
 * running one; an alarm that fires ends it (the section loses it, and a fade under way stops).
 */
public final class SleepTimer {
  private static final Logger log = LoggerFactory.getLogger(SleepTimer.class);
  static final String SLOT = "sleep";
  public static final int MAX_MINUTES = 480;

  private final TimerDeps deps;

  public SleepTimer(TimerDeps deps) {
    this.deps = deps;
  }

  /** Starts the music and the timer; each field left out comes from the {@code sleep_*} config keys. */
  public Future<SleepStatus> start(SleepRequest request) {
    return deps.config().load().compose(config -> {
      int minutes = request.minutes() != null ? request.minutes() : intKey(config, ConfigKeys.SLEEP_DEFAULT_DURATION);
      if (minutes < 1 || minutes > MAX_MINUTES) {
        throw new ConfigFailure(ErrorCode.BAD_REQUEST, "minutes must be 1.." + MAX_MINUTES + ", not " + minutes);
      }
      String uriText = request.uri() != null ? request.uri() : textKey(config, ConfigKeys.SLEEP_PLAYLIST_URI);
      SpotifyUri uri = uriText.isBlank() ? null : SpotifyUri.parse(uriText);
      int volume = request.volume() != null ? request.volume() : intKey(config, ConfigKeys.SLEEP_VOLUME);
      String deviceName = request.deviceName() != null ? request.deviceName()
          : textKey(config, ConfigKeys.SLEEP_DEVICE_NAME);
      Instant deadline = deps.playback().deadline();
      return deps.playback().target(deviceName, deadline).compose(device -> volumeNow(device)
          .compose(before -> record(device, uri, volume, minutes, before))
          .compose(sleep -> deps.playback().start(device, uri, volume, request.shuffle(), deadline)
              .recover(err -> forget(sleep.id()).transform(ar -> Future.failedFuture(err)))
              .map(v -> new SleepStatus(true, sleep.endsAt(), sleep.uri(), sleep.deviceName()))));
    });
  }

  /** Ends the timer now: fade out and pause (after the answer). Nothing running: nothing to do. */
  public Future<SleepStatus> stop() {
    PlayerState.Claim mine = deps.claim();
    Instant now = deps.clock().instant();
    return deps.store().update(s -> s.sleep() != null && Claims.claimable(now, s.sleep().claim(), now)
        ? s.withSleep(s.sleep().claimed(mine)) : s).map(s -> {
          if (s.sleep() != null && mine.equals(s.sleep().claim())) {
            log.info("sleep: timer {} stopped by request", s.sleep().id());
            new SleepEnd(deps, s.sleep()).run();
          }
          return SleepStatus.INACTIVE;
        });
  }

  /** Active while it counts down; a timer that is ending (fading out) is no longer. */
  public Future<SleepStatus> status() {
    return deps.store().read().map(s -> s.sleep() == null || s.sleep().claim() != null ? SleepStatus.INACTIVE
        : new SleepStatus(true, s.sleep().endsAt(), s.sleep().uri(), s.sleep().deviceName()));
  }

  /** Arms the end of the timer the state holds, or disarms. */
  void arm(PlayerState state) {
    PlayerState.Sleep sleep = state.sleep();
    deps.wakeups().atOrCancel(SLOT, sleep == null ? null : Claims.nextLook(sleep.endsAt(), sleep.claim()),
        () -> due(sleep));
  }

  private void due(PlayerState.Sleep seen) {
    PlayerState.Claim mine = deps.claim();
    deps.store().update(s -> s.sleep() != null && s.sleep().id().equals(seen.id())
        && Claims.claimable(s.sleep().endsAt(), s.sleep().claim(), deps.clock().instant())
        ? s.withSleep(s.sleep().claimed(mine)) : s)
        .onSuccess(s -> {
          if (s.sleep() != null && mine.equals(s.sleep().claim())) {
            log.info("sleep: timer {} ends: fading out on '{}'", s.sleep().id(), s.sleep().deviceName());
            new SleepEnd(deps, s.sleep()).run();
          }
        })
        .onFailure(err -> {
          log.warn("sleep: timer {} not claimed at its end, trying again: {}", seen.id(), err.getMessage());
          deps.wakeups().at(SLOT, deps.clock().instant().plusMillis(deps.options().stateRetryMs()), () -> due(seen));
        });
  }

  /** The device's volume before the timer, to give it back at the end; null when Spotify does not say. */
  private Future<Integer> volumeNow(Resolution device) {
    return deps.spotify().playback().map(state -> state.filter(s -> s.activeOn(device.deviceId()))
        .map(s -> s.volume()).orElse(null)).otherwise((Integer) null);
  }

  /** Replaces any running timer; on the same device it keeps the volume that one will give back. */
  private Future<PlayerState.Sleep> record(Resolution device, SpotifyUri uri, int volume, int minutes,
      Integer volumeBefore) {
    String id = UUID.randomUUID().toString();
    Instant endsAt = deps.clock().instant().plus(Duration.ofMinutes(minutes));
    return deps.store().update(s -> {
      Integer restore = s.sleep() != null && s.sleep().deviceId().equals(device.deviceId())
          ? s.sleep().restoreVolume() : volumeBefore;
      return s.withSleep(new PlayerState.Sleep(id, endsAt, uri == null ? null : uri.toString(), device.deviceId(),
          device.name(), volume, restore, null));
    }).map(s -> {
      log.info("sleep: timer {} on '{}' until {} at volume {}", id, device.name(), endsAt, volume);
      return s.sleep();
    });
  }

  private Future<PlayerState> forget(String id) {
    return deps.store().update(s -> s.sleep() != null && s.sleep().id().equals(id) ? s.withSleep(null) : s);
  }

  private static int intKey(ConfigSnapshot config, String key) {
    return config.get(key) instanceof Number n ? n.intValue() : 0;
  }

  private static String textKey(ConfigSnapshot config, String key) {
    return config.get(key) instanceof String s ? s : "";
  }
}
