package io.spotipi.shared;

import java.util.List;

/**
 * The sections of the internal state the config owner keeps beside the user's config: state the
 * user never sees or replaces (not in {@code GET /api/config}, its events, history or backups, nor
 * reverted by a restore). Each section has its own revision for compare-and-set.
 */
public final class StateSections {
  private StateSections() {
  }

  /** The schedulers' bookkeeping: {@link SchedulerState}. */
  public static final String SCHEDULER = "scheduler";

  /** The player's Spotify credentials, or the mark that the user disconnected: {@link SpotifyState}. Secrets. */
  public static final String SPOTIFY = "spotify";

  /** The players' timers (snooze, sleep): {@link PlayerState}. */
  public static final String PLAYER = "player";

  /** Every section the owner keeps; a request naming another is refused. */
  public static final List<String> ALL = List.of(SCHEDULER, SPOTIFY, PLAYER);
}
