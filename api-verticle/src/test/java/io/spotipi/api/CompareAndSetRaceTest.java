package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen HTTP clients racing compare-and-set increments on one key (GET, then PATCH with
 * {@code If-Match}, again on 412), as the benchmark does: no increment is lost, and a 412 never names a
 * revision that the GET right after it cannot return.
 */
class CompareAndSetRaceTest {
  private static final int CLIENTS = 16;
  private static final int SUCCESSES_EACH = 4;
  private static final int MAX_ATTEMPTS_EACH = 400;
  private static final long DEADLINE_MS = 60_000;
  private static final String COUNTER = "race_counter";

  @TempDir
  Path dir;
  ApiServer api;
  private final AtomicInteger successes = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() {
    // About 15 conflicts per success, all from 127.0.0.1: far over the default 600 mutations a minute.
    api = ApiServer.start(dir, new JsonObject().put("rateLimit", "off"));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void racingClientsLoseNothingAndReadTheRevisionA412Named() {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    List<Future<Void>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Promise<Void> done = Promise.promise();
      api.vertx.runOnContext(v -> attempt(0, 0, -1, deadline, done));
      clients.add(done.future());
    }
    Await.result(Future.all(clients));

    assertEquals(List.of(), List.copyOf(violations));
    assertEquals(CLIENTS * SUCCESSES_EACH, successes.get(), "every client reached its increments in time");
    long counter = api.get("/api/config").bodyAsJsonObject().getLong(COUNTER);
    assertEquals(successes.get(), counter, "one increment per 200, none lost");
    assertTrue(conflicts.get() > 0, "the clients raced (else this test proves nothing)");
  }

  /**
   * One GET + PATCH cycle of a client.
   *
   * @param named the revision the last 412 named, -1 if none
   */
  private void attempt(int won, int tries, long named, long deadline, Promise<Void> done) {
    if (won == SUCCESSES_EACH || tries == MAX_ATTEMPTS_EACH || System.currentTimeMillis() > deadline) {
      done.complete();
      return;
    }
    api.request(HttpMethod.GET, "/api/config").send().compose(read -> {
      long seen = revision(read);
      if (seen < named) {
        violations.add("a 412 named revision " + named + ", the GET after it returned " + seen);
      }
      JsonObject patch = new JsonObject().put(COUNTER, read.bodyAsJsonObject().getLong(COUNTER, 0L) + 1);
      return api.request(HttpMethod.PATCH, "/api/config").putHeader("If-Match", read.getHeader("ETag"))
          .putHeader("Content-Type", "application/merge-patch+json").sendBuffer(patch.toBuffer());
    }).onComplete(ar -> {
      if (ar.failed()) {
        done.fail(ar.cause());
      } else if (ar.result().statusCode() == 200) {
        successes.incrementAndGet();
        attempt(won + 1, tries + 1, -1, deadline, done);
      } else if (ar.result().statusCode() == 412) {
        conflicts.incrementAndGet();
        attempt(won, tries + 1, revision(ar.result()), deadline, done);
      } else {
        done.fail("PATCH answered " + ar.result().statusCode() + ": " + ar.result().bodyAsString());
      }
    });
  }

  private static long revision(HttpResponse<Buffer> response) {
    return Long.parseLong(response.getHeader("ETag").replace("\"", ""));
  }
}
