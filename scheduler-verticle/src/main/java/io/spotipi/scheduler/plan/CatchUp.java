package io.spotipi.scheduler.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * Which missed occurrence a starting scheduler still owes, before the grace period is applied.
 *
 * <p>Only an occurrence some scheduler had planned counts as missed. Schedulers record the occurrence
 * they wait for in their ledger, so after a restart the latest occurrence at or before now is owed
 * when it is not yet fired and a scheduler had planned it or an earlier
 * occurrence of the same schedule (a scheduler down across several occurrences owes the latest one).
 * A time that had already passed when it was set is never owed: the running scheduler planned it for
 * the next day (a one-time alarm set at 07:02 for 07:00 means tomorrow), so restarting at 07:03 owes
 * nothing. Nor is an occurrence no scheduler planned, e.g. one set while every scheduler was down.
 */
final class CatchUp {
  private CatchUp() {
  }

  /**
   * @param planned the occurrence recorded as planned, or {@code null}
   * @param lastFired the newest occurrence recorded as fired, or {@code null}
   */
  static Optional<Instant> owed(AlarmSchedule schedule, Instant planned, Instant lastFired, Instant now) {
    if (planned == null || planned.isAfter(now) || !schedule.occursAt(planned)) {
      return Optional.empty();
    }
    Instant latest = schedule.previousAtOrBefore(now);
    boolean fired = lastFired != null && !lastFired.isBefore(latest);
    return fired ? Optional.empty() : Optional.of(latest);
  }
}
