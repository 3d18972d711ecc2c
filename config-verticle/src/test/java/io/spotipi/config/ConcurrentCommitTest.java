package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.message.StoreStatus;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * 64 clients, each a ConfigClient on its own event-loop context, race on one document. Invariants:
 * no lost update, every acknowledged commit has its own revision, nothing blocks an event loop.
 */
class ConcurrentCommitTest extends StrictStoreTest {
  static final int CLIENTS = 64;
  static final int ROUNDS = 100;

  @Test
  void transactionsFromManyClientsLoseNoIncrement() throws Exception {
    Set<Long> revisions = race((client, i) -> client.transaction(doc ->
        doc.put("counter", doc.getInteger("counter", 0) + 1)));

    ConfigSnapshot end = store.load();
    assertEquals(CLIENTS * ROUNDS, end.get("counter"));
    assertEquals(CLIENTS * ROUNDS, revisions.size(), "every acknowledged commit has its own revision");
    assertEquals(CLIENTS * ROUNDS, end.revision());
    assertEquals(CLIENTS * ROUNDS,
        new JsonObject(Files.readString(dir.resolve("test.json"))).getInteger("counter"), "and it is on disk");
  }

  @Test
  void atomicPatchesFromManyClientsLoseNothingAndShareWrites() {
    Set<Long> revisions = race((client, i) -> client.patch(new JsonObject().put("client_" + i, "n")));
    ConfigSnapshot end = store.load();
    assertEquals(CLIENTS * ROUNDS, revisions.size());
    assertEquals(CLIENTS * ROUNDS, end.revision());
    for (int i = 0; i < CLIENTS; i++) {
      assertEquals("n", end.get("client_" + i));
    }
    StoreStatus status = store.call(ConfigClient::status);
    assertEquals(CLIENTS * ROUNDS, status.commitsTotal());
    assertTrue(status.batchSizeAvg() > 1.0,
        "with 64 writers at once, commits must share fsyncs (group commit): " + status.batchSizeAvg());
  }

  interface Step extends java.util.function.BiFunction<ConfigClient, Integer, Future<ConfigSnapshot>> {
  }

  /** Runs ROUNDS sequential steps in each of CLIENTS concurrent clients; returns every acked revision. */
  private Set<Long> race(Step step) {
    ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    List<Future<Void>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int id = i;
      Context ctx = vertx.getOrCreateContext();
      clients.add(Await.call(ctx, () -> {
        ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("client-" + id));
        return client.ready().compose(v -> loop(ROUNDS, n -> step.apply(client, id).onSuccess(s -> acked.add(s.revision()))));
      }));
    }
    Await.result(Future.all(clients));
    Set<Long> distinct = new HashSet<>(acked);
    assertEquals(acked.size(), distinct.size(), "a revision was acknowledged twice");
    return distinct;
  }

  private static Future<Void> loop(int times, Function<Integer, Future<?>> body) {
    Future<Void> f = Future.succeededFuture();
    for (int n = 0; n < times; n++) {
      int i = n;
      f = f.compose(v -> body.apply(i).mapEmpty());
    }
    return f;
  }
}
