package io.spotipi.player.alarm;

import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.player.fake.Recorded;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Alarm specs and looks at what the fake was asked, for the play-sequence tests. */
final class Alarms {
  static final String PLAYLIST_ID = "37i9dQZF1DXcBWIGoYBM5M";
  static final String PLAYLIST = "spotify:playlist:" + PLAYLIST_ID;
  static final String TRACK = "spotify:track:4uLU6hMCjMI75M1A2tKUQC";
  static final String VOLUME = "/v1/me/player/volume";
  static final String PLAYER = "/v1/me/player";
  static final String PLAY = "/v1/me/player/play";
  static final String DEVICES = "/v1/me/player/devices";

  private Alarms() {
  }

  static AlarmSpec spec(String uri, String device, int volume, boolean fadeIn, boolean shuffle) {
    return new AlarmSpec("07:00", List.of(0, 1, 2, 3, 4), uri, device, volume, fadeIn, shuffle);
  }

  static PlayOutcome play(Rig rig, AlarmSpec spec) {
    return play(rig, spec, rig.options.playDeadline());
  }

  static PlayOutcome play(Rig rig, AlarmSpec spec, Duration deadline) {
    return rig.on(() -> rig.services.alarms().play("2026-12-01T06:00:00Z", spec, Instant.now().plus(deadline)));
  }

  /** Waits (bounded) for the fade of the last alarm to end. */
  static void fadeEnds(Rig rig) {
    Await.result(rig.call(() -> rig.services.alarms().fading()));
  }

  /** The volumes set, in order. */
  static List<Integer> volumes(Rig rig) {
    return rig.fake.requests("PUT", VOLUME).stream().map(r -> Integer.parseInt(r.param("volume_percent"))).toList();
  }

  /** Where the first request to {@code method path} stands among all the fake received; -1 when none. */
  static int firstIndex(List<Recorded> all, String method, String path) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).is(method, path)) {
        return i;
      }
    }
    return -1;
  }
}
