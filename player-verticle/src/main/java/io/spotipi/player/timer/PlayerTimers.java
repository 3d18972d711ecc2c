package io.spotipi.player.timer;

import io.spotipi.shared.PlayerState;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this player's timers in step with the player state section: loads it at the start (again
 * until the config owner answers) and after each change by any player, and arms the snooze's resume,
 * the sleep timer's end and the watch for a paused alarm from it. A fired alarm (a manual trigger too)
 * opens the snooze window and ends a sleep timer: the alarm wins.
 */
public final class PlayerTimers {
  private static final Logger log = LoggerFactory.getLogger(PlayerTimers.class);
  static final long MAX_RETRY_MS = 30_000;

  private final TimerDeps deps;
  private final Snoozes snoozes;
  private final SleepTimer sleep;
  private final PauseWatcher watcher;

  public PlayerTimers(TimerDeps deps) {
    this.deps = deps;
    this.snoozes = new Snoozes(deps);
    this.sleep = new SleepTimer(deps);
    this.watcher = new PauseWatcher(deps, snoozes);
    deps.store().onChange(this::reload);
  }

  public Snoozes snoozes() {
    return snoozes;
  }

  public SleepTimer sleep() {
    return sleep;
  }

  /**
   * Arms what the section holds; a player that starts takes over watching an open snooze window. Until
   * the config owner answers it tries again, less often each time (up to {@link #MAX_RETRY_MS}), saying
   * so once.
   */
  public void start() {
    start(deps.options().stateRetryMs());
  }

  private void start(long retryMs) {
    deps.config().load().compose(config -> deps.store().update(s -> s.alarm() == null || s.alarm().dismissed()
        || !deps.clock().instant().isBefore(Snoozes.windowEnd(s.alarm(), config)) ? s
        : s.withAlarm(s.alarm().watchedBy(deps.me()))))
        .onSuccess(s -> {
          log.info("timers loaded: {}snooze {}, sleep timer {}",
              s.alarm() == null ? "" : "alarm " + s.alarm().occurrence() + ", ",
              s.snooze() == null ? "none" : "until " + s.snooze().until(),
              s.sleep() == null ? "none" : "until " + s.sleep().endsAt());
          arm();
        })
        .onFailure(err -> {
          if (retryMs == deps.options().stateRetryMs()) {
            log.warn("timers not loaded yet, trying again until the config owner answers: {}", err.getMessage());
          }
          deps.vertx().setTimer(Math.max(1, retryMs), t -> start(Math.min(MAX_RETRY_MS, retryMs * 2)));
        });
  }

  /** Opens the snooze window of the fired alarm, ends a sleep timer and an older snooze; once per occurrence. */
  public void alarmFired(AlarmFired fired) {
    AlarmSpec alarm = fired.alarm();
    deps.store().update(s -> s.alarm() != null && s.alarm().occurrence().equals(fired.occurrence()) ? s
        : new PlayerState(new PlayerState.AlarmWindow(fired.occurrence(), fired.firedAt(), alarm.alarmVolume(),
            alarm.deviceName(), alarm.playlistUri(), deps.me(), false), null, null))
        .onSuccess(s -> log.debug("alarm {} fired: snooze window open, no sleep timer", fired.occurrence()))
        .onFailure(err -> log.warn("alarm {} fired, but its snooze window is not recorded: {}", fired.occurrence(),
            err.getMessage()));
  }

  private void reload() {
    deps.store().load().onSuccess(s -> arm())
        .onFailure(err -> log.warn("the player state changed but could not be read: {}", err.getMessage()));
  }

  /** Arms from the newest value seen (an answer may come late; the store keeps the newest). */
  private void arm() {
    PlayerState latest = deps.store().latest();
    snoozes.arm(latest);
    sleep.arm(latest);
    watcher.arm(latest);
  }
}
