package io.spotipi.scheduler;

import io.spotipi.shared.message.AlarmFired;
import io.vertx.core.Future;

/** Where a fired alarm goes to make sound. The Spotify implementation is a later issue. */
public interface Player {
  /**
   * Starts the occurrence's playlist on its device and runs the fade plan.
   *
   * @return completes once playback has started (the fade may still be running)
   */
  Future<Void> play(AlarmFired fired, FadePlan fade);
}
