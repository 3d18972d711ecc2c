package io.spotipi.player.alarm;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The volumes an alarm sets once it plays. With fade-in: from 0 up in increments of
 * max(1, min(5, target)), one per interval, the last one exactly the target; without: the target at once.
 */
public final class Fade {
  private static final int MAX_INCREMENT = 5;

  private Fade() {
  }

  /** Set {@code volume} at {@code at} after playback started. */
  public record Step(Duration at, int volume) {
  }

  public static List<Step> steps(int target, boolean fadeIn, Duration interval) {
    if (target < 0 || target > 100) {
      throw new IllegalArgumentException("volume " + target + " is not within 0..100");
    }
    if (!fadeIn) {
      return List.of(new Step(Duration.ZERO, target));
    }
    int increment = Math.max(1, Math.min(MAX_INCREMENT, target));
    int rises = (target + increment - 1) / increment;
    return IntStream.rangeClosed(0, rises)
        .mapToObj(i -> new Step(interval.multipliedBy(i), Math.min(target, i * increment)))
        .toList();
  }
}
