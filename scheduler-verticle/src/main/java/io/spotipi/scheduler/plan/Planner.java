package io.spotipi.scheduler.plan;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides which occurrence to wait for and, once the clock reaches it, whether it still fires.
 *
 * <p>Pure: the caller passes the time. It plans against instants, so waking late (a suspend, a clock
 * step, a long pause) can delay an occurrence but never make one fire early, and an occurrence found
 * later than the grace period is skipped rather than played at a surprising hour.
 */
public final class Planner {
  private final Duration grace;

  /** @param grace how late an occurrence may still fire */
  public Planner(Duration grace) {
    this.grace = grace;
  }

  /** What the scheduler does at a look at the clock. */
  public enum Action {
    /** The target is still ahead: look again after {@link Step#delta()}. */
    WAIT,
    /** The target is due, {@link Step#delta()} late, within the grace period. */
    FIRE,
    /** The target is {@link Step#delta()} late, beyond the grace period. */
    SKIP
  }

  public record Step(Action action, Duration delta) {
  }

  /**
   * The first plan of a starting scheduler, from what the schedulers recorded: occurrences up to the
   * last fired one count as handled, and one missed while no scheduler ran is owed (it stays due, so
   * the next {@link #step} fires it, or skips it beyond the grace period).
   *
   * @param alarm the stored alarm; {@code null} when the config cannot be scheduled
   * @param planned the occurrence recorded as planned, or {@code null}
   * @param lastFired the newest occurrence recorded as fired, or {@code null}
   */
  public Plan resume(Alarm alarm, Instant planned, Instant lastFired, Instant now) {
    Instant handled = lastFired != null ? lastFired : Instant.MIN;
    Instant owed = alarm != null && alarm.enabled()
        ? CatchUp.owed(alarm.schedule(), planned, lastFired, now).orElse(null)
        : null;
    return replan(new Plan(owed, handled), alarm, now);
  }

  /** The plan for a changed config ({@code alarm} {@code null}: it cannot be scheduled). */
  public Plan replan(Plan plan, Alarm alarm, Instant now) {
    if (alarm == null || !alarm.enabled()) {
      return new Plan(null, plan.handledUpTo());
    }
    AlarmSchedule schedule = alarm.schedule();
    Instant target = plan.target();
    // A due occurrence the new config still contains stays due: a re-plan must not skip it.
    boolean keepDue = target != null && target.isAfter(plan.handledUpTo()) && !target.isAfter(now)
        && schedule.occursAt(target);
    return keepDue ? plan : new Plan(schedule.nextAfter(later(now, plan.handledUpTo())), plan.handledUpTo());
  }

  /** What to do about the plan's target at {@code now}; the plan must have a target. */
  public Step step(Plan plan, Instant now) {
    Instant target = plan.target();
    if (now.isBefore(target)) {
      return new Step(Action.WAIT, Duration.between(now, target));
    }
    Duration late = Duration.between(target, now);
    return new Step(late.compareTo(grace) > 0 ? Action.SKIP : Action.FIRE, late);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
