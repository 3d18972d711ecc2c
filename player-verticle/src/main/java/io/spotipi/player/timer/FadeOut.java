package io.spotipi.player.timer;

import io.spotipi.player.client.PlaybackState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The sleep timer's fade to silence, and what ends it early. Pure. */
public final class FadeOut {
  private FadeOut() {
  }

  /** Set {@code volume} at {@code at} after the fade began. */
  public record Step(Duration at, int volume) {
  }

  /** Why a fade stops before its end; {@link #NONE} while it goes on. */
  public enum Interruption {
    NONE,
    /** Paused meanwhile: nothing left to pause. */
    PAUSED,
    /** Playing on another device now: that one is not the timer's to pause. */
    MOVED,
    /** The volume went up: someone is listening, the timer leaves playback alone. */
    TURNED_UP
  }

  /** From {@code from} down to 0 in {@code count} even steps over {@code duration}; the last one is 0. */
  public static List<Step> steps(int from, Duration duration, int count) {
    int n = Math.max(1, count);
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> new Step(duration.multipliedBy(i).dividedBy(n), from - (int) Math.round((double) from * i / n)))
        .toList();
  }

  /**
   * What a look at the player means for a fade on {@code deviceId} that last set {@code lastSet}. A
   * volume above it is someone's hand; Spotify reports a new volume late, so one below is not.
   */
  public static Interruption interruption(Optional<PlaybackState> state, String deviceId, int lastSet) {
    if (state.isEmpty() || !state.get().playing()) {
      return Interruption.PAUSED;
    }
    if (!state.get().activeOn(deviceId)) {
      return Interruption.MOVED;
    }
    Integer volume = state.get().volume();
    return volume != null && volume > lastSet ? Interruption.TURNED_UP : Interruption.NONE;
  }
}
