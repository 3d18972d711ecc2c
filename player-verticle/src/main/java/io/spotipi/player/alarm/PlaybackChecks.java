package io.spotipi.player.alarm;

import io.spotipi.player.client.PlaybackState;
import java.util.Optional;

/**
 * What a look at {@code GET /v1/me/player} means for the play sequence. Commands take effect late and
 * out of order, so the sequence asks these before it goes on.
 */
public final class PlaybackChecks {
  private PlaybackChecks() {
  }

  /** A transfer took effect: the device is the active one. */
  public static boolean active(Optional<PlaybackState> state, String deviceId) {
    return state.map(s -> s.activeOn(deviceId)).orElse(false);
  }

  /** Play took effect: the device plays. */
  public static boolean playing(Optional<PlaybackState> state, String deviceId) {
    return state.map(s -> s.playingOn(deviceId)).orElse(false);
  }

  /**
   * Why a fade-in should stop, if it should: the user paused, moved playback elsewhere, or turned the
   * volume above what the fade last set (going on would turn it down again). A volume below the last
   * one set is not taken as the user's: Spotify reports a new volume late.
   */
  public static Optional<String> fadeInterrupted(Optional<PlaybackState> state, String deviceId, int lastSet) {
    if (state.isEmpty() || !state.get().playing()) {
      return Optional.of("playback was paused");
    }
    if (!state.get().activeOn(deviceId)) {
      return Optional.of("playback moved to another device");
    }
    Integer volume = state.get().volume();
    return volume != null && volume > lastSet ? Optional.of("the volume was turned up to " + volume)
        : Optional.empty();
  }
}
