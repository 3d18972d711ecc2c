package io.spotipi.player.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.player.client.Device;
import io.spotipi.player.client.PlaybackState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PauseDetectorTest {
  private static final String ALARM = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";
  private static final Device KITCHEN = new Device("k1", "Kitchen", "Speaker", true, false, 20, true);
  private static final Device BEDROOM = new Device("b1", "Bedroom", "Speaker", true, false, 20, true);

  private static Optional<PlaybackState> state(Device d, boolean playing, String context) {
    return Optional.of(new PlaybackState(d, playing, context, "spotify:track:t", 0, false));
  }

  @Test
  void playingTheAlarmThenPausedOnTheSameDeviceIsAPause() {
    PauseDetector.Look playing = PauseDetector.NONE.look(state(KITCHEN, true, ALARM), ALARM);
    assertEquals(new PauseDetector("k1"), playing.next());
    assertNull(playing.pausedOn());
    PauseDetector.Look paused = playing.next().look(state(KITCHEN, false, ALARM), ALARM);
    assertEquals(KITCHEN, paused.pausedOn());
    assertEquals(PauseDetector.NONE, paused.next());
  }

  @Test
  void stoppedMovedOtherMusicOrNeverSeenPlayingIsNoPause() {
    PauseDetector seen = new PauseDetector("k1");
    assertNull(seen.look(Optional.empty(), ALARM).pausedOn());
    assertNull(seen.look(state(BEDROOM, false, ALARM), ALARM).pausedOn());
    assertNull(PauseDetector.NONE.look(state(KITCHEN, false, ALARM), ALARM).pausedOn());
    PauseDetector other = PauseDetector.NONE.look(state(KITCHEN, true, "spotify:album:x"), ALARM).next();
    assertNull(other.look(state(KITCHEN, false, "spotify:album:x"), ALARM).pausedOn());
  }

  @Test
  void anAlarmWithoutMusicOfItsOwnCountsAnyPlayback() {
    PauseDetector seen = PauseDetector.NONE.look(state(KITCHEN, true, "spotify:album:x"), "").next();
    assertEquals(KITCHEN, seen.look(state(KITCHEN, false, "spotify:album:x"), "").pausedOn());
  }
}
