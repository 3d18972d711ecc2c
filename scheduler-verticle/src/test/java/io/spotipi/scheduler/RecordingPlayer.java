package io.spotipi.scheduler;

import io.spotipi.shared.message.AlarmFired;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A player that remembers what it was asked to play. */
final class RecordingPlayer implements Player {
  private final List<AlarmFired> played = new CopyOnWriteArrayList<>();
  private final List<FadePlan> fades = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> play(AlarmFired fired, FadePlan fade) {
    played.add(fired);
    fades.add(fade);
    return Future.succeededFuture();
  }

  List<AlarmFired> played() {
    return List.copyOf(played);
  }

  List<FadePlan> fades() {
    return List.copyOf(fades);
  }
}
