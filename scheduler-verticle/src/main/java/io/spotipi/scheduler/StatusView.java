package io.spotipi.scheduler;

import io.spotipi.scheduler.plan.Alarm;
import io.spotipi.shared.message.AlarmStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The scheduler's state as {@code GET /api/alarm} shows it. */
final class StatusView {
  private StatusView() {
  }

  /**
   * @param alarm the planned alarm; {@code null} when the config cannot be scheduled
   * @param target the occurrence waited for, or {@code null}
   */
  static AlarmStatus of(Alarm alarm, Instant target, AlarmStatus.LastFired lastFired, Clock clock) {
    if (alarm == null) {
      return new AlarmStatus(false, null, null, null, null, null, lastFired);
    }
    String nextFire = target == null ? null
        : target.atZone(alarm.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    Long inSeconds = target == null ? null : Math.max(0, Duration.between(clock.instant(), target).toSeconds());
    return new AlarmStatus(alarm.enabled(), alarm.timeText(), alarm.weekdays(), alarm.zone().getId(), nextFire,
        inSeconds, lastFired);
  }
}
