package io.spotipi.app.torture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minutes of mixed traffic against one SpotiPi with {@code -Xmx128m}: paced readers, writers that each
 * own a key, compare-and-set incrementers on one counter, and SSE watchers. Bounded in time
 * ({@code -Dsoak.minutes}, default 10) and in requests ({@code -Dsoak.maxRequests}). Checks: no 5xx at
 * all; no lost update (every writer's last acknowledged value and the counter equal what was
 * acknowledged, also after a restart); every watcher saw increasing ids up to the last revision; heap
 * after a full GC at the end within {@value #HEAP_GROWTH_MIB} MiB of the one after warm-up, and RSS
 * within {@value #RSS_GROWTH_MIB} MiB of it and under {@value #RSS_LIMIT_MIB} MiB.
 */
@Tag("torture")
class SoakTortureTest {
  static final double HEAP_GROWTH_MIB = 16;
  static final double RSS_GROWTH_MIB = 48;
  static final double RSS_LIMIT_MIB = 200;
  private static final int READERS = 4;
  private static final int WRITERS = 4;
  private static final int INCREMENTERS = 2;
  private static final int WATCHERS = 8;
  private static final long READ_PAUSE_MS = 5;
  private static final long WRITE_PAUSE_MS = 20;
  private static final String COUNTER = "soak_counter";

  @TempDir
  Path temp;

  private final LongAdder requests = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder otherFailures = new LongAdder();
  private final LongAdder conflicts = new LongAdder();
  private final LongAdder increments = new LongAdder();
  private final long[] lastWritten = new long[WRITERS];
  private volatile long deadline;
  private long maxRequests;

  @Test
  @Timeout(value = 4, unit = TimeUnit.HOURS)
  void mixedTrafficForMinutesLeaksNothingLosesNothingAndNeverAnswers5xx() throws Exception {
    double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
    maxRequests = Long.parseLong(System.getProperty("soak.maxRequests", "5000000"));
    long durationMs = (long) (minutes * 60_000);
    TortureSummary summary = new TortureSummary("soak");
    summary.add("duration %.1f min, at most %d requests; %d readers, %d writers, %d CAS incrementers, "
        + "%d SSE watchers; SpotiPi with -Xmx128m", minutes, maxRequests, READERS, WRITERS, INCREMENTERS, WATCHERS);
    Path data = temp.resolve("data");
    try (SpotiPiProcess spotipi = SpotiPiProcess.start(data, temp.resolve("soak.log"), "-Xmx128m")) {
      deadline = System.currentTimeMillis() + durationMs;
      List<Watcher> watchers = new ArrayList<>();
      for (int i = 0; i < WATCHERS; i++) {
        watchers.add(new Watcher(spotipi, i));
      }
      List<Thread> threads = startLoad(spotipi, watchers);

      Thread.sleep(Math.min(60_000, durationMs / 5)); // warm-up: JIT, heap sizing, history filling
      double heapWarm = spotipi.heapAfterGcMib();
      double rssWarm = spotipi.rssMib();
      summary.add("after warm-up: heap after GC %.1f MiB, RSS %.1f MiB", heapWarm, rssWarm);
      sampleUntilDeadline(spotipi, summary);
      for (Thread t : threads) {
        t.join();
      }
      double heapEnd = spotipi.heapAfterGcMib();
      double rssEnd = spotipi.rssMib();
      summary.add("at the end: heap after GC %.1f MiB (bound %.1f), RSS %.1f MiB (bound %.1f and < %.0f)",
          heapEnd, heapWarm + HEAP_GROWTH_MIB, rssEnd, rssWarm + RSS_GROWTH_MIB, RSS_LIMIT_MIB);

      HttpResponse<String> last = spotipi.get("/api/config");
      long finalRevision = SpotiPiProcess.revision(last);
      Thread.sleep(2_000); // the last events reach the watchers
      watchers.forEach(Watcher::stop);
      summary.add("%d requests: %d 5xx, %d other failures; %d PATCHes acknowledged, %d CAS increments with "
          + "%d conflicts (412); final revision %d", requests.sum(), serverErrors.sum(), otherFailures.sum(),
          Arrays.stream(lastWritten).sum(), increments.sum(), conflicts.sum(), finalRevision);
      for (Watcher w : watchers) {
        summary.add("watcher %d: %d events, last id %d, %d out of order, %d reconnects", w.index, w.events.sum(),
            w.lastId.get(), w.outOfOrder.sum(), w.reconnects.sum());
      }

      assertEquals(0, serverErrors.sum(), "5xx answers");
      assertEquals(0, otherFailures.sum(), "requests that failed otherwise (socket errors, 4xx)");
      assertNoLostUpdate(new JsonObject(last.body()));
      for (Watcher w : watchers) {
        assertEquals(0, w.outOfOrder.sum(), "watcher " + w.index + " saw ids out of order");
        assertEquals(finalRevision, w.lastId.get(), "watcher " + w.index + " missed the last commit");
      }
      assertTrue(heapEnd <= heapWarm + HEAP_GROWTH_MIB, "heap after GC grew from " + heapWarm + " to " + heapEnd);
      assertTrue(rssEnd <= rssWarm + RSS_GROWTH_MIB, "RSS grew from " + rssWarm + " to " + rssEnd);
      assertTrue(rssEnd < RSS_LIMIT_MIB, "RSS " + rssEnd + " MiB");
    } finally {
      summary.write();
    }
    // Durable too: the same values after a clean restart.
    try (SpotiPiProcess again = SpotiPiProcess.start(data, temp.resolve("soak-restart.log"))) {
      assertNoLostUpdate(new JsonObject(again.get("/api/config").body()));
    }
  }

  private List<Thread> startLoad(SpotiPiProcess spotipi, List<Watcher> watchers) {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      threads.add(loop("reader-" + i, READ_PAUSE_MS, () -> read(spotipi)));
    }
    for (int i = 0; i < WRITERS; i++) {
      int writer = i;
      threads.add(loop("writer-" + i, WRITE_PAUSE_MS, () -> write(spotipi, writer)));
    }
    for (int i = 0; i < INCREMENTERS; i++) {
      threads.add(loop("incrementer-" + i, WRITE_PAUSE_MS, () -> increment(spotipi)));
    }
    watchers.forEach(w -> threads.add(start("watcher-" + w.index, w::run)));
    return threads.subList(0, READERS + WRITERS + INCREMENTERS);
  }

  interface Action {
    void run() throws IOException, InterruptedException;
  }

  private Thread loop(String name, long pauseMs, Action action) {
    return start(name, () -> {
      while (running()) {
        try {
          action.run();
          Thread.sleep(pauseMs);
        } catch (IOException e) {
          otherFailures.increment();
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  private static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private boolean running() {
    return System.currentTimeMillis() < deadline && requests.sum() < maxRequests;
  }

  private int count(HttpResponse<?> response) {
    requests.increment();
    int status = response.statusCode();
    if (status >= 500) {
      serverErrors.increment();
    }
    return status;
  }

  private static final String[] READ_PATHS = {"/api/config", "/api/config", "/api/config/alarm_volume",
      "/api/config/history?limit=20", "/api/thread-safety/status", "/readyz"};

  private void read(SpotiPiProcess spotipi) throws IOException, InterruptedException {
    String path = READ_PATHS[(int) (requests.sum() % READ_PATHS.length)];
    if (count(spotipi.get(path)) != 200) {
      otherFailures.increment();
    }
  }

  private void write(SpotiPiProcess spotipi, int writer) throws IOException, InterruptedException {
    long value = lastWritten[writer] + 1;
    if (count(spotipi.patch(new JsonObject().put("soak_writer_" + writer, value).encode())) == 200) {
      lastWritten[writer] = value;
    } else {
      otherFailures.increment();
    }
  }

  private void increment(SpotiPiProcess spotipi) throws IOException, InterruptedException {
    HttpResponse<String> read = spotipi.get("/api/config");
    count(read);
    long current = new JsonObject(read.body()).getLong(COUNTER, 0L);
    HttpResponse<String> cas = spotipi.send(spotipi.request("/api/config")
        .header("Content-Type", "application/merge-patch+json")
        .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
        .method("PATCH", HttpRequest.BodyPublishers.ofString(new JsonObject().put(COUNTER, current + 1).encode())));
    int status = count(cas);
    (status == 200 ? increments : status == 412 ? conflicts : otherFailures).increment();
  }

  private void assertNoLostUpdate(JsonObject config) {
    for (int i = 0; i < WRITERS; i++) {
      assertEquals(lastWritten[i], config.getLong("soak_writer_" + i, 0L), "writer " + i + " lost its last write");
    }
    assertEquals(increments.sum(), config.getLong(COUNTER, 0L), "CAS increments lost");
  }

  /** Every minute until the deadline: heap after GC and RSS, into the summary. */
  private void sampleUntilDeadline(SpotiPiProcess spotipi, TortureSummary summary)
      throws IOException, InterruptedException {
    long start = System.currentTimeMillis();
    while (running()) {
      Thread.sleep(Math.max(0, Math.min(60_000, deadline - System.currentTimeMillis())));
      if (running()) {
        summary.add("t+%ds: heap after GC %.1f MiB, RSS %.1f MiB, %d requests so far",
            (System.currentTimeMillis() - start) / 1000, spotipi.heapAfterGcMib(), spotipi.rssMib(), requests.sum());
      }
    }
  }

  /** One SSE watcher; reconnects with Last-Event-ID when the stream ends. */
  private final class Watcher {
    final int index;
    final SpotiPiProcess spotipi;
    final AtomicLong lastId = new AtomicLong();
    final LongAdder events = new LongAdder();
    final LongAdder outOfOrder = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    private volatile boolean stopped;
    private volatile Stream<String> stream;

    Watcher(SpotiPiProcess spotipi, int index) {
      this.spotipi = spotipi;
      this.index = index;
    }

    void run() {
      while (!stopped) {
        try {
          HttpRequest.Builder request = spotipi.request("/api/config/events").timeout(Duration.ofDays(1))
              .header("Accept", "text/event-stream");
          if (lastId.get() > 0) {
            request.header("Last-Event-ID", String.valueOf(lastId.get()));
          }
          HttpResponse<Stream<String>> response =
              SpotiPiProcess.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
          if (count(response) != 200) {
            otherFailures.increment();
            return;
          }
          stream = response.body();
          stream.filter(line -> line.startsWith("id:")).forEach(this::onId);
        } catch (IOException | RuntimeException e) {
          // the stream ended or was closed by stop()
        } catch (InterruptedException e) {
          return;
        }
        if (!stopped) {
          reconnects.increment();
        }
      }
    }

    private void onId(String line) {
      long id = Long.parseLong(line.substring(3).trim());
      if (id <= lastId.get()) {
        outOfOrder.increment();
      }
      lastId.set(Math.max(id, lastId.get()));
      events.increment();
    }

    void stop() {
      stopped = true;
      Stream<String> s = stream;
      if (s != null) {
        s.close();
      }
    }
  }
}
