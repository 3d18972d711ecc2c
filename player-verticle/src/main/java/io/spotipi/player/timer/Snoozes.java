package io.spotipi.player.timer;

import io.spotipi.player.device.Resolution;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerState;
import io.spotipi.shared.message.SnoozeStatus;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snooze: while an alarm's playback runs (within {@code snooze_window_minutes} after it fired), pause
 * it now and play it again after {@code snooze_minutes}, at the alarm's volume on the same device. The
 * resume instant is in the player state section: every player arms it, one claims it.
 */
public final class Snoozes {
  private static final Logger log = LoggerFactory.getLogger(Snoozes.class);
  static final String SLOT = "snooze";

  private final TimerDeps deps;

  public Snoozes(TimerDeps deps) {
    this.deps = deps;
  }

  /** Pauses the alarm that plays and records its resume; CONFLICT when there is none to snooze. */
  public Future<SnoozeStatus> snooze() {
    Instant deadline = deps.playback().deadline();
    return Future.all(deps.config().load(), deps.store().load()).compose(both -> {
      ConfigSnapshot config = both.resultAt(0);
      PlayerState.AlarmWindow alarm = snoozable(both.<PlayerState>resultAt(1).alarm(), config);
      return device(alarm, deadline).compose(device -> record(alarm, device, config, true)
          .compose(snooze -> deps.playback().pause(device.deviceId(), deadline)
              .recover(err -> forget(snooze).transform(ar -> Future.failedFuture(err)))
              .map(v -> new SnoozeStatus(snooze.until()))));
    });
  }

  /** Where the alarm plays: the active device, else the alarm's own. */
  private Future<Resolution> device(PlayerState.AlarmWindow alarm, Instant deadline) {
    return deps.playback().activeDevice(deadline).compose(active -> active.map(Future::succeededFuture)
        .orElseGet(() -> deps.playback().named(alarm.deviceName() == null ? "" : alarm.deviceName(), deadline)));
  }

  /** A pause of the alarm's playback seen from outside counts as a snooze (nothing to pause then). */
  Future<Void> pausedFromApp(PlayerState.AlarmWindow alarm, Resolution device) {
    return deps.config().load().compose(config -> record(snoozable(alarm, config), device, config, false)).mapEmpty();
  }

  /** No resume, and no more snoozing this alarm. */
  public Future<SnoozeStatus> dismiss() {
    return deps.store().update(s -> s.withSnooze(null).withAlarm(s.alarm() == null ? null : s.alarm().dismiss()))
        .onSuccess(s -> log.info("snooze: alarm {} dismissed", s.alarm() == null ? "-" : s.alarm().occurrence()))
        .map(s -> new SnoozeStatus(null));
  }

  public Future<SnoozeStatus> status() {
    return deps.store().read().map(s -> new SnoozeStatus(s.snooze() == null ? null : s.snooze().until()));
  }

  /** Arms the resume of the snooze the state holds, or disarms. */
  void arm(PlayerState state) {
    PlayerState.Snooze snooze = state.snooze();
    deps.wakeups().atOrCancel(SLOT, snooze == null ? null : Claims.nextLook(snooze.until(), snooze.claim()),
        () -> due(snooze));
  }

  /** The alarm to snooze now; CONFLICT when none fired within the window or it was dismissed. */
  private PlayerState.AlarmWindow snoozable(PlayerState.AlarmWindow alarm, ConfigSnapshot config) {
    Instant now = deps.clock().instant();
    if (alarm == null || alarm.dismissed() || !now.isBefore(windowEnd(alarm, config))) {
      throw new ConfigFailure(ErrorCode.CONFLICT, "no alarm to snooze: none fired in the last "
          + minutes(config, ConfigKeys.SNOOZE_WINDOW_MINUTES) + " minutes, or it was dismissed");
    }
    return alarm;
  }

  /**
   * Records the resume in the section, unless the alarm was dismissed meanwhile (then CONFLICT). A
   * snooze of the same alarm is replaced when {@code again} (the user snoozed once more), else kept (a
   * pause seen after the user's snooze is that snooze's own).
   */
  private Future<PlayerState.Snooze> record(PlayerState.AlarmWindow alarm, Resolution device, ConfigSnapshot config,
      boolean again) {
    Instant until = deps.clock().instant().plus(Duration.ofMinutes(minutes(config, ConfigKeys.SNOOZE_MINUTES)));
    PlayerState.Snooze snooze = new PlayerState.Snooze(alarm.occurrence(), until, device.deviceId(), device.name(),
        alarm.volume(), null);
    return deps.store().update(s -> open(s, alarm) && (again || !snoozed(s, alarm)) ? s.withSnooze(snooze) : s)
        .map(s -> {
          if (snooze.equals(s.snooze())) {
            log.info("snooze: alarm {} paused on '{}', resumes at {}", alarm.occurrence(), device.name(), until);
            return snooze;
          }
          if (!again && snoozed(s, alarm)) {
            return s.snooze();
          }
          throw new ConfigFailure(ErrorCode.CONFLICT, "the alarm " + alarm.occurrence() + " was dismissed meanwhile");
        });
  }

  private static boolean open(PlayerState s, PlayerState.AlarmWindow alarm) {
    return s.alarm() != null && s.alarm().occurrence().equals(alarm.occurrence()) && !s.alarm().dismissed();
  }

  private static boolean snoozed(PlayerState s, PlayerState.AlarmWindow alarm) {
    return s.snooze() != null && s.snooze().occurrence().equals(alarm.occurrence());
  }

  /** Takes back a snooze whose pause failed: the music plays on, nothing is to resume. */
  private Future<PlayerState> forget(PlayerState.Snooze snooze) {
    return deps.store().update(s -> snooze.equals(s.snooze()) ? s.withSnooze(null) : s);
  }

  /** At the resume instant: claim it, and play it again if the claim is this player's. */
  private void due(PlayerState.Snooze seen) {
    PlayerState.Claim mine = deps.claim();
    deps.store().update(s -> s.snooze() != null && s.snooze().until().equals(seen.until())
        && s.snooze().occurrence().equals(seen.occurrence())
        && Claims.claimable(s.snooze().until(), s.snooze().claim(), deps.clock().instant())
        ? s.withSnooze(s.snooze().claimed(mine)) : s)
        .onSuccess(s -> {
          if (s.snooze() != null && mine.equals(s.snooze().claim())) {
            resume(s.snooze());
          }
        })
        .onFailure(err -> {
          log.warn("snooze: alarm {} not claimed for its resume, trying again: {}", seen.occurrence(),
              err.getMessage());
          deps.wakeups().at(SLOT, deps.clock().instant().plusMillis(deps.options().stateRetryMs()), () -> due(seen));
        });
  }

  /**
   * Plays the snoozed alarm again, then the snooze leaves the section. When Spotify failed for now it
   * stays, claimed, for another try once the claim runs out.
   */
  private void resume(PlayerState.Snooze snooze) {
    Resolution device = new Resolution(snooze.deviceId(), snooze.deviceName(), Resolution.Via.LAST_KNOWN, true);
    deps.playback().start(device, null, snooze.volume(), null, deps.playback().deadline()).transform(ar -> {
      if (ar.failed() && Claims.tryAgainLater(ar.cause())) {
        log.warn("snooze: alarm {} not resumed, another try at {}: {}", snooze.occurrence(), snooze.claim().expires(),
            ar.cause().getMessage());
        return Future.succeededFuture();
      }
      if (ar.succeeded()) {
        log.info("snooze: alarm {} resumed on '{}' at volume {}", snooze.occurrence(), snooze.deviceName(),
            snooze.volume());
      } else {
        log.warn("snooze: alarm {} not resumed: {}", snooze.occurrence(), ar.cause().getMessage());
      }
      return deps.store().update(s -> s.snooze() != null && Objects.equals(snooze.claim(), s.snooze().claim())
          ? s.withSnooze(null) : s);
    }).onFailure(err -> log.warn("snooze: alarm {} is over, but its record stays until the claim runs out: {}",
        snooze.occurrence(), err.getMessage()));
  }

  static Instant windowEnd(PlayerState.AlarmWindow alarm, ConfigSnapshot config) {
    return alarm.firedAt().plus(Duration.ofMinutes(minutes(config, ConfigKeys.SNOOZE_WINDOW_MINUTES)));
  }

  private static int minutes(ConfigSnapshot config, String key) {
    return config.get(key) instanceof Number n ? n.intValue() : 0;
  }
}
