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
 * {@code If-Match}, again on 412): no increment is lost, and a 412 never names a revision that the GET
 * right after it cannot return. The same with clients that retry from the 412's own ETag and document,
 * as the benchmark does: a 412 whose document were older than its ETag would lose increments.
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
    race(false);
  }

  /** A 412 carries the winner's document: clients that retry from it, without a GET, lose nothing either. */
  @Test
  void racingClientsRetryingFromThe412sDocumentLoseNothing() {
    race(true);
  }

  private void race(boolean retryFrom412) {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    List<Future<Void>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Promise<Void> done = Promise.promise();
      api.vertx.runOnContext(v -> attempt(new Client(retryFrom412, deadline, done), null));
      clients.add(done.future());
    }
    Await.result(Future.all(clients));

    assertEquals(List.of(), List.copyOf(violations));
    assertEquals(CLIENTS * SUCCESSES_EACH, successes.get(), "every client reached its increments in time");
    long counter = api.get("/api/config").bodyAsJsonObject().getLong(COUNTER);
    assertEquals(successes.get(), counter, "one increment per 200, none lost");
    assertTrue(conflicts.get() > 0, "the clients raced (else this test proves nothing)");
  }

  /** One racing client's progress; confined to the test's event loop. */
  private static final class Client {
    final boolean retryFrom412;
    final long deadline;
    final Promise<Void> done;
    int won;
    int tries;

    Client(boolean retryFrom412, long deadline, Promise<Void> done) {
      this.retryFrom412 = retryFrom412;
      this.deadline = deadline;
      this.done = done;
    }
  }

  /** The revision and counter a PATCH builds on. */
  private record Read(long revision, long counter) {
  }

  /**
   * One read + PATCH cycle of a client. The read is a GET, or the last 412's ETag and document when the
   * client retries from it.
   *
   * @param lost the 412 the last attempt got, {@code null} if none
   */
  private void attempt(Client c, HttpResponse<Buffer> lost) {
    if (c.won == SUCCESSES_EACH || c.tries == MAX_ATTEMPTS_EACH || System.currentTimeMillis() > c.deadline) {
      c.done.complete();
      return;
    }
    Future<Read> read = lost != null && c.retryFrom412
        ? Future.succeededFuture(new Read(revision(lost), counter(lost.bodyAsJsonObject().getJsonObject("current"))))
        : api.request(HttpMethod.GET, "/api/config").send().map(got -> {
          long named = lost == null ? -1 : revision(lost);
          if (revision(got) < named) {
            violations.add("a 412 named revision " + named + ", the GET after it returned " + revision(got));
          }
          return new Read(revision(got), counter(got.bodyAsJsonObject()));
        });
    read.compose(r -> api.request(HttpMethod.PATCH, "/api/config").putHeader("If-Match", "\"" + r.revision() + "\"")
        .putHeader("Content-Type", "application/merge-patch+json")
        .sendBuffer(new JsonObject().put(COUNTER, r.counter() + 1).toBuffer())).onComplete(ar -> {
          c.tries++;
          if (ar.failed()) {
            c.done.fail(ar.cause());
          } else if (ar.result().statusCode() == 200) {
            successes.incrementAndGet();
            c.won++;
            attempt(c, null);
          } else if (ar.result().statusCode() == 412) {
            conflicts.incrementAndGet();
            attempt(c, ar.result());
          } else {
            c.done.fail("PATCH answered " + ar.result().statusCode() + ": " + ar.result().bodyAsString());
          }
        });
  }

  private static long counter(JsonObject config) {
    return config.getLong(COUNTER, 0L);
  }

  private static long revision(HttpResponse<Buffer> response) {
    return Long.parseLong(response.getHeader("ETag").replace("\"", ""));
  }
}
