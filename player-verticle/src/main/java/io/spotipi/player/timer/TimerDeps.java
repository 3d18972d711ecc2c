package io.spotipi.player.timer;

import io.spotipi.player.client.SpotifyClient;
import io.spotipi.player.controls.ControlsOptions;
import io.spotipi.player.playback.PlaybackControls;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.PlayerState;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What the snooze and sleep timers work with.
 *
 * @param me this player's id in claims and as the alarm's watcher (one per start)
 */
public record TimerDeps(Vertx vertx, SpotifyClient spotify, PlaybackControls playback, ConfigClient config,
    PlayerStateStore store, Wakeups wakeups, Clock clock, ControlsOptions options, String me) {

  /** A claim by this player from now for the lease. */
  PlayerState.Claim claim() {
    return new PlayerState.Claim(me, clock.instant().plus(options.claimLease()));
  }
}
