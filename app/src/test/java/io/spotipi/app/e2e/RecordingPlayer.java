package io.spotipi.app.e2e;

import io.spotipi.scheduler.FadePlan;
import io.spotipi.scheduler.Player;
import io.spotipi.shared.message.AlarmFired;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The player at the edge of the world: remembers what it was asked to play, and can be made to fail. */
final class RecordingPlayer implements Player {
  private final List<AlarmFired> played = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  @Override
  public Future<Void> play(AlarmFired fired, FadePlan fade) {
    played.add(fired);
    return failing ? Future.failedFuture("test player: no device answers") : Future.succeededFuture();
  }

  /** From now on every play is recorded and then fails. */
  void failFromNowOn() {
    failing = true;
  }

  List<AlarmFired> played() {
    return List.copyOf(played);
  }
}
