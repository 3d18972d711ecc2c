package io.spotipi.scheduler.plan;

import java.time.Instant;

/**
 * What one scheduler waits for. Immutable: the {@link Planner} makes each next plan from the last.
 *
 * @param target the occurrence waited for; {@code null} when none (disabled, or unschedulable config)
 * @param handledUpTo occurrences at or before it were fired, lost or skipped here: never planned again
 */
public record Plan(Instant target, Instant handledUpTo) {
  /** A scheduler that has planned nothing and handled nothing yet. */
  public static final Plan NONE = new Plan(null, Instant.MIN);

  /** The plan once {@code occurrence} is dealt with (fired, lost or skipped): nothing targeted until the next plan. */
  public Plan handled(Instant occurrence) {
    return new Plan(null, occurrence);
  }
}
