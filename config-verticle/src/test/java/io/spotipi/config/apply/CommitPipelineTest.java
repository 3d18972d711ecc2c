package io.spotipi.config.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The apply loop alone, with writes the test completes by hand (no Vert.x instance, no disk). */
class CommitPipelineTest {
  final ConfigRules rules = ConfigRules.builtIn();
  final StoreState initial = new StoreState(0, rules.defaults(), new JsonObject(), null);
  /** The states the pipeline asked to make durable, and the writes' promises, in call order. */
  final List<StoreState> written = new ArrayList<>();
  final List<Promise<Void>> writes = new ArrayList<>();
  /** Revisions handed to the durable listener, in order. */
  final List<Long> published = new ArrayList<>();

  CommitPipeline pipeline(Durability<StoreState> durability) {
    return new CommitPipeline(initial, rules, durability, c -> published.add(c.state().revision()), Clock.systemUTC(),
        new StoreMetrics(new SimpleMeterRegistry(), "test", () -> 0));
  }

  /** Each write waits for the test to complete its promise. */
  CommitPipeline manual() {
    return pipeline(state -> {
      written.add(state);
      Promise<Void> p = Promise.promise();
      writes.add(p);
      return p.future();
    });
  }

  static CommitRequest volume(int v) {
    return CommitRequest.patch(null, new JsonObject().put("alarm_volume", v), "test");
  }

  @Test
  void commitsThatArriveDuringAWriteShareTheNextOne() {
    CommitPipeline p = manual();
    Future<StoreState> first = p.commit(volume(10));
    Future<StoreState> second = p.commit(volume(20));
    Future<StoreState> third = p.commit(volume(30));
    assertEquals(List.of(1L), revisions(written));

    writes.get(0).complete();
    assertEquals(List.of(1L, 3L), revisions(written));
    assertTrue(first.succeeded());
    assertFalse(second.isComplete());

    writes.get(1).complete();
    assertEquals(3, third.result().revision());
    assertEquals(20, second.result().effective().getInteger("alarm_volume"));
    assertEquals(List.of(1L, 2L, 3L), published);
    assertEquals(3, p.durable().revision());
  }

  @Test
  void theNextWriteStartsBeforeTheDurableBatchIsAnswered() {
    List<Future<StoreState>> answers = new ArrayList<>();
    List<Boolean> firstAnsweredWhenTheSecondWriteStarted = new ArrayList<>();
    CommitPipeline p = pipeline(state -> {
      if (state.revision() > 1) {
        firstAnsweredWhenTheSecondWriteStarted.add(answers.get(0).isComplete());
      }
      Promise<Void> w = Promise.promise();
      writes.add(w);
      return w.future();
    });
    answers.add(p.commit(volume(10)));
    answers.add(p.commit(volume(20)));
    writes.get(0).complete();
    assertEquals(List.of(false), firstAnsweredWhenTheSecondWriteStarted);
    assertTrue(answers.get(0).succeeded());
    assertFalse(answers.get(1).isComplete());
  }

  @Test
  void aWriteThatCompletesAtOnceStillAnswersInRevisionOrder() {
    List<Promise<Void>> held = new ArrayList<>();
    CommitPipeline p = pipeline(state -> {
      written.add(state);
      if (held.isEmpty()) {
        Promise<Void> w = Promise.promise();
        held.add(w);
        return w.future();
      }
      return Future.succeededFuture();
    });
    List<Long> answered = new ArrayList<>();
    for (int v = 10; v <= 40; v += 10) {
      p.commit(volume(v)).onSuccess(s -> answered.add(s.revision()));
    }
    held.get(0).complete();
    assertEquals(List.of(1L, 4L), revisions(written));
    assertEquals(List.of(1L, 2L, 3L, 4L), published);
    assertEquals(List.of(1L, 2L, 3L, 4L), answered);
  }

  @Test
  void aFailedWriteFailsItsBatchAndWhatQueuedBehindItAndTheNextCommitBuildsOnTheDurableState() {
    CommitPipeline p = manual();
    Future<StoreState> first = p.commit(volume(10));
    writes.get(0).complete();
    Future<StoreState> second = p.commit(volume(20));
    Future<StoreState> queued = p.commit(volume(30));
    writes.get(1).fail(new IOException("disk full"));

    assertEquals(1, first.result().revision());
    for (Future<StoreState> f : List.of(second, queued)) {
      assertEquals(ErrorCode.STORAGE, ((ConfigFailure) f.cause()).code());
    }
    assertEquals(1, p.durable().revision());
    assertEquals(List.of(1L), published);

    Future<StoreState> retry = p.commit(volume(40));
    assertEquals(2, written.get(written.size() - 1).revision());
    writes.get(writes.size() - 1).complete();
    assertEquals(2, retry.result().revision());
    assertEquals(40, retry.result().effective().getInteger("alarm_volume"));
  }

  @Test
  void drainCompletesOnlyOnceNothingIsQueuedOrBeingWritten() {
    CommitPipeline p = manual();
    assertTrue(p.drain().succeeded());
    p.commit(volume(10));
    p.commit(volume(20));
    Future<Void> drained = p.drain();
    writes.get(0).complete();
    assertFalse(drained.isComplete());
    writes.get(1).complete();
    assertTrue(drained.succeeded());
  }

  static List<Long> revisions(List<StoreState> states) {
    return states.stream().map(StoreState::revision).toList();
  }
}
