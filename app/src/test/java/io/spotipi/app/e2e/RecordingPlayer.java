package io.spotipi.app.e2e;

import io.spotipi.scheduler.Player;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.PlayOutcome;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The player at the edge of the world: remembers what it was asked to play, and can be made to fail. */
final class RecordingPlayer implements Player {
  private final List<AlarmFired> played = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  @Override
  public Future<PlayOutcome> play(AlarmFired fired) {
    played.add(fired);
    return Future.succeededFuture(failing
        ? PlayOutcome.failed(fired.occurrence(), ErrorCode.UNAVAILABLE, "test player: no device answers")
        : PlayOutcome.played(fired.occurrence(), "test-device", fired.alarm().deviceName(), "played by the test"));
  }

  @Override
  public Future<Void> prepare(String occurrence, AlarmSpec alarm) {
    return Future.succeededFuture();
  }

  /** From now on every play is recorded and then fails. */
  void failFromNowOn() {
    failing = true;
  }

  List<AlarmFired> played() {
    return List.copyOf(played);
  }
}
