package io.spotipi.scheduler;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerClient;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.PlayOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * This node's player, asked over the event bus ({@link PlayerClient}, local only): the scheduler that
 * won the claim is the one that plays. A node without a player, or one that does not answer in time,
 * is a failed outcome, never a played one.
 */
public final class LocalPlayer implements Player {
  /** The player answers a prepare within seconds (a token refresh and a device list). */
  static final long PREPARE_TIMEOUT_MS = 30_000;

  private final PlayerClient client;

  private LocalPlayer(PlayerClient client) {
    this.client = client;
  }

  /** @param playTimeoutMs how long to wait for a play's outcome: longer than the player's own deadline */
  public static LocalPlayer create(Vertx vertx, long playTimeoutMs) {
    return new LocalPlayer(PlayerClient.create(vertx, PREPARE_TIMEOUT_MS, playTimeoutMs));
  }

  @Override
  public Future<PlayOutcome> play(AlarmFired fired) {
    return client.play(fired).otherwise(err -> {
      ConfigFailure f = ConfigFailure.from(err);
      String detail = f.code() == ErrorCode.UNAVAILABLE ? "no answer from this node's player (" + f.getMessage() + ")"
          : "the player refused it: " + f.getMessage();
      return PlayOutcome.failed(fired.occurrence(), f.code(), detail);
    });
  }

  @Override
  public Future<Void> prepare(String occurrence, AlarmSpec alarm) {
    return client.prepare(occurrence, alarm);
  }
}
