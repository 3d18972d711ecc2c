package io.spotipi.player.timer;

import io.spotipi.player.client.Device;
import io.spotipi.player.client.PlaybackState;
import java.util.Optional;

/**
 * Whether the alarm's playback was paused from a Spotify app, from successive looks at the player: it
 * was seen playing the alarm's music on a device, and now that device is still the active one but
 * paused. Playback that stopped altogether, moved elsewhere or plays other music is no pause of the
 * alarm. Pure.
 *
 * @param playingOn the device the alarm's playback was last seen playing on; null when it was not
 */
public record PauseDetector(String playingOn) {
  public static final PauseDetector NONE = new PauseDetector(null);

  /** What to remember for the next look, and the device the alarm was just paused on (else null). */
  public record Look(PauseDetector next, Device pausedOn) {
  }

  /** @param alarmUri the alarm's playlist, album, artist or track; blank: any music counts as the alarm's */
  public Look look(Optional<PlaybackState> state, String alarmUri) {
    if (state.isEmpty() || state.get().device() == null) {
      return new Look(NONE, null);
    }
    PlaybackState s = state.get();
    if (s.playing()) {
      return new Look(alarms(s, alarmUri) ? new PauseDetector(s.device().id()) : NONE, null);
    }
    return new Look(NONE, playingOn != null && s.activeOn(playingOn) ? s.device() : null);
  }

  private static boolean alarms(PlaybackState s, String alarmUri) {
    return alarmUri == null || alarmUri.isBlank() || alarmUri.equals(s.contextUri()) || alarmUri.equals(s.itemUri());
  }
}
