package io.spotipi.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The volume steps a player sets when an alarm starts: with fade-in from 0 in steps of
 * max(1, min(5, target)), one every 5 s, the last exactly at the target; without it, the target at once.
 */
public record FadePlan(List<Step> steps) {
  public static final Duration STEP_INTERVAL = Duration.ofSeconds(5);
  private static final int MAX_STEP = 5;

  /** Set {@code volume} at {@code offset} after the start. */
  public record Step(Duration offset, int volume) {
  }

  public FadePlan {
    steps = List.copyOf(steps);
  }

  public static FadePlan of(int targetVolume, boolean fadeIn) {
    if (!fadeIn) {
      return new FadePlan(List.of(new Step(Duration.ZERO, targetVolume)));
    }
    int increment = Math.max(1, Math.min(MAX_STEP, targetVolume));
    List<Step> steps = new ArrayList<>();
    for (int volume = 0; ; volume = Math.min(targetVolume, volume + increment)) {
      steps.add(new Step(STEP_INTERVAL.multipliedBy(steps.size()), volume));
      if (volume >= targetVolume) {
        return new FadePlan(steps);
      }
    }
  }
}
