package io.spotipi.player.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.client.Device;
import io.spotipi.player.client.PlaybackState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaybackChecksTest {
  private static Optional<PlaybackState> on(String id, boolean playing, Integer volume) {
    Device d = new Device(id, "Speaker " + id, "Speaker", true, false, volume, true);
    return Optional.of(new PlaybackState(d, playing, "spotify:playlist:x", "spotify:track:y", 0, false));
  }

  @Test
  void activeAndPlayingAreAboutTheTargetDevice() {
    assertTrue(PlaybackChecks.active(on("a", false, 10), "a"));
    assertFalse(PlaybackChecks.active(on("b", true, 10), "a"));
    assertFalse(PlaybackChecks.active(Optional.empty(), "a"));
    assertTrue(PlaybackChecks.playing(on("a", true, 10), "a"));
    assertFalse(PlaybackChecks.playing(on("a", false, 10), "a"));
    assertFalse(PlaybackChecks.playing(on("b", true, 10), "a"));
    assertFalse(PlaybackChecks.playing(Optional.empty(), "a"));
  }

  @Test
  void fadeGoesOnWhileItPlaysThereAtOrBelowTheLastVolume() {
    assertEquals(Optional.empty(), PlaybackChecks.fadeInterrupted(on("a", true, 20), "a", 20));
    // Spotify reports a volume late: a lower one is the previous step, not the user.
    assertEquals(Optional.empty(), PlaybackChecks.fadeInterrupted(on("a", true, 15), "a", 20));
    assertEquals(Optional.empty(), PlaybackChecks.fadeInterrupted(on("a", true, null), "a", 20));
  }

  @Test
  void fadeStopsWhenTheUserTookOver() {
    assertEquals(Optional.of("playback was paused"), PlaybackChecks.fadeInterrupted(on("a", false, 20), "a", 20));
    assertEquals(Optional.of("playback was paused"), PlaybackChecks.fadeInterrupted(Optional.empty(), "a", 20));
    assertEquals(Optional.of("playback moved to another device"),
        PlaybackChecks.fadeInterrupted(on("b", true, 20), "a", 20));
    assertEquals(Optional.of("the volume was turned up to 60"),
        PlaybackChecks.fadeInterrupted(on("a", true, 60), "a", 20));
  }
}
