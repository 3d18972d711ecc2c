package io.spotipi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.scheduler.FadePlan.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FadePlanTest {
  private static List<Integer> volumes(FadePlan plan) {
    return plan.steps().stream().map(Step::volume).toList();
  }

  @Test
  void withoutFadeTheTargetIsSetAtOnce() {
    assertEquals(List.of(new Step(Duration.ZERO, 42)), FadePlan.of(42, false).steps());
  }

  @Test
  void fadeEndsExactlyOnATargetThatIsNoMultipleOfTheStep() {
    FadePlan plan = FadePlan.of(12, true);
    assertEquals(List.of(0, 5, 10, 12), volumes(plan));
    assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)),
        plan.steps().stream().map(Step::offset).toList());
  }

  @Test
  void smallTargetsStepByTheTargetItself() {
    assertEquals(List.of(0, 3), volumes(FadePlan.of(3, true)));
    assertEquals(List.of(0, 1), volumes(FadePlan.of(1, true)));
  }

  @Test
  void fadeToZeroIsASingleStep() {
    assertEquals(List.of(0), volumes(FadePlan.of(0, true)));
  }

  @Test
  void everyTargetRisesFromZeroInBoundedStepsFiveSecondsApart() {
    for (int target = 0; target <= 100; target++) {
      List<Step> steps = FadePlan.of(target, true).steps();
      int increment = Math.max(1, Math.min(5, target));
      assertEquals(0, steps.get(0).volume());
      assertEquals(target, steps.get(steps.size() - 1).volume(), "target " + target);
      for (int i = 1; i < steps.size(); i++) {
        int rise = steps.get(i).volume() - steps.get(i - 1).volume();
        assertEquals(true, rise > 0 && rise <= increment, "target " + target + " step " + i);
        assertEquals(Duration.ofSeconds(5L * i), steps.get(i).offset());
      }
    }
  }
}
