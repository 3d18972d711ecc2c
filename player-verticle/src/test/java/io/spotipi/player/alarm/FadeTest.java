package io.spotipi.player.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FadeTest {
  private static final Duration FIVE = Duration.ofSeconds(5);

  private static List<Integer> volumes(int target, boolean fadeIn) {
    return Fade.steps(target, fadeIn, FIVE).stream().map(Fade.Step::volume).toList();
  }

  @Test
  void fadeInRisesByFiveEveryIntervalToTheTarget() {
    assertEquals(List.of(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50), volumes(50, true));
    List<Fade.Step> steps = Fade.steps(50, true, FIVE);
    for (int i = 0; i < steps.size(); i++) {
      assertEquals(FIVE.multipliedBy(i), steps.get(i).at());
    }
  }

  @Test
  void theLastStepIsExactlyTheTarget() {
    assertEquals(List.of(0, 5, 7), volumes(7, true));
    assertEquals(List.of(0, 5, 10, 12), volumes(12, true));
    assertEquals(21, Fade.steps(100, true, FIVE).size());
  }

  @Test
  void smallTargetsRiseByTheirOwnSizeOrOne() {
    assertEquals(List.of(0, 3), volumes(3, true));
    assertEquals(List.of(0, 1), volumes(1, true));
    assertEquals(List.of(0), volumes(0, true));
  }

  @Test
  void withoutFadeTheTargetAtOnce() {
    assertEquals(List.of(new Fade.Step(Duration.ZERO, 60)), Fade.steps(60, false, FIVE));
  }

  @Test
  void volumeOutsideRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Fade.steps(101, true, FIVE));
    assertThrows(IllegalArgumentException.class, () -> Fade.steps(-1, false, FIVE));
  }
}
