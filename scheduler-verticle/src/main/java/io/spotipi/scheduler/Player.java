package io.spotipi.scheduler;

import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.PlayOutcome;
import io.vertx.core.Future;

/** Where a fired alarm goes to make sound: this node's player ({@link LocalPlayer}), or a test's. */
public interface Player {
  /**
   * Plays the occurrence (the fade is the player's). Never fails: a failure is a failed outcome.
   *
   * @return completes once playback has started or failed for good (the fade may still be running)
   */
  Future<PlayOutcome> play(AlarmFired fired);

  /** Gets the token and the device ready for {@code occurrence}, due in about two minutes. */
  Future<Void> prepare(String occurrence, AlarmSpec alarm);
}
