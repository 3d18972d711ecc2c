package io.spotipi.player.timer;

import io.spotipi.player.client.SpotifyFailures;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerState;
import java.time.Instant;

/**
 * When a durable timer may be acted on, and by whom. Every player arms every timer; at its instant
 * each tries to claim it (a compare-and-set of the section), and only the one whose claim was stored
 * acts. A claim holds for a lease longer than the action can take, so that only a claim left by a
 * player that died, or one whose action failed for now, is taken over. Pure.
 */
public final class Claims {
  private Claims() {
  }

  /** Whether a timer due at {@code due} may be claimed at {@code now}: due, and not claimed by a live player. */
  public static boolean claimable(Instant due, PlayerState.Claim claim, Instant now) {
    return !now.isBefore(due) && (claim == null || !now.isBefore(claim.expires()));
  }

  /** When to look at the timer again: its instant, or, once claimed, when that claim runs out. */
  public static Instant nextLook(Instant due, PlayerState.Claim claim) {
    return claim == null || claim.expires().isBefore(due) ? due : claim.expires();
  }

  /**
   * Whether an action on a claimed timer that failed so is worth another try once the claim runs out:
   * Spotify out of reach, rate limited or failing (a player that is stopping fails so too). Anything
   * else (no device, refused) fails again: the timer is dropped.
   */
  public static boolean tryAgainLater(Throwable failure) {
    return SpotifyFailures.code(failure) == ErrorCode.UNAVAILABLE;
  }
}
