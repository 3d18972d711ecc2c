package io.spotipi.player.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.player.client.Device;
import io.spotipi.player.client.PlaybackState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FadeOutTest {

  @Test
  void evenStepsDownToSilenceOverTheDuration() {
    assertEquals(List.of(new FadeOut.Step(Duration.ofSeconds(15), 30), new FadeOut.Step(Duration.ofSeconds(30), 20),
        new FadeOut.Step(Duration.ofSeconds(45), 10), new FadeOut.Step(Duration.ofSeconds(60), 0)),
        FadeOut.steps(40, Duration.ofSeconds(60), 4));
    assertEquals(List.of(new FadeOut.Step(Duration.ofSeconds(60), 0)), FadeOut.steps(40, Duration.ofSeconds(60), 0));
    assertEquals(0, FadeOut.steps(7, Duration.ofSeconds(60), 12).get(11).volume());
  }

  @Test
  void pausedMovedOrTurnedUpEndTheFade() {
    Device kitchen = new Device("k1", "Kitchen", "Speaker", true, false, 20, true);
    Device other = new Device("b1", "Bedroom", "Speaker", true, false, 20, true);
    assertEquals(FadeOut.Interruption.PAUSED, FadeOut.interruption(Optional.empty(), "k1", 20));
    assertEquals(FadeOut.Interruption.PAUSED, FadeOut.interruption(Optional.of(state(kitchen, false)), "k1", 20));
    assertEquals(FadeOut.Interruption.MOVED, FadeOut.interruption(Optional.of(state(other, true)), "k1", 20));
    assertEquals(FadeOut.Interruption.TURNED_UP, FadeOut.interruption(Optional.of(state(kitchen, true)), "k1", 15));
    assertEquals(FadeOut.Interruption.NONE, FadeOut.interruption(Optional.of(state(kitchen, true)), "k1", 20));
    assertEquals(FadeOut.Interruption.NONE, FadeOut.interruption(Optional.of(state(kitchen, true)), "k1", 25));
  }

  private static PlaybackState state(Device d, boolean playing) {
    return new PlaybackState(d, playing, null, null, 0, false);
  }
}
