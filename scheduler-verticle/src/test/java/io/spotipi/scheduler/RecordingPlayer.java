package io.spotipi.scheduler;

import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.PlayOutcome;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A player that remembers what it was asked to play and to prepare, and answers each play as told:
 * by default it played on the alarm's device, whose id is {@link #DEVICE_ID}.
 */
final class RecordingPlayer implements Player {
  static final String DEVICE_ID = "bedroom-id-1";

  private final List<AlarmFired> played = new CopyOnWriteArrayList<>();
  private final List<String> prepared = new CopyOnWriteArrayList<>();
  private volatile Function<AlarmFired, PlayOutcome> answer = fired -> PlayOutcome.played(fired.occurrence(),
      DEVICE_ID, fired.alarm().deviceName(), "played on '" + fired.alarm().deviceName() + "' (exact name)");

  @Override
  public Future<PlayOutcome> play(AlarmFired fired) {
    played.add(fired);
    return Future.succeededFuture(answer.apply(fired));
  }

  @Override
  public Future<Void> prepare(String occurrence, AlarmSpec alarm) {
    prepared.add(occurrence);
    return Future.succeededFuture();
  }

  /** From now on every play is answered so. */
  void answer(Function<AlarmFired, PlayOutcome> outcome) {
    answer = outcome;
  }

  List<AlarmFired> played() {
    return List.copyOf(played);
  }

  /** The occurrences asked to prepare for, in order. */
  List<String> prepared() {
    return List.copyOf(prepared);
  }
}
