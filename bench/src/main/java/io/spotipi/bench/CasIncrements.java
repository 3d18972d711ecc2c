package io.spotipi.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compare-and-set increments over HTTP: each client reads {@code GET /api/config}, then sends
 * {@code PATCH} with {@code If-Match} of the ETag it read and the counter plus one; on 412 it reads
 * again and retries. At the end the counter must have grown by exactly the number of 200s.
 *
 * <p>Usage: {@code CasIncrements BASE_URL CLIENTS SECONDS}. Prints {@code key=value} lines.
 */
public final class CasIncrements {
  static final String COUNTER = "bench_cas_counter";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI config;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private final LongAdder successes = new LongAdder();
  private final LongAdder conflicts = new LongAdder();
  private final LongAdder errors = new LongAdder();

  private CasIncrements(String baseUrl) {
    this.config = URI.create(baseUrl + "/api/config");
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: CasIncrements BASE_URL CLIENTS SECONDS");
      System.exit(2);
    }
    new CasIncrements(args[0]).run(Integer.parseInt(args[1]), Double.parseDouble(args[2]));
  }

  private void run(int clients, double seconds) throws Exception {
    long before = counter(get());
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> loop(deadline), "cas-" + i);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long after = counter(get());
    long ok = successes.sum();
    System.out.printf("cas_successes_per_sec=%.1f%n", ok / elapsed);
    System.out.printf("cas_conflicts_per_success=%.3f%n", ok == 0 ? Double.NaN : conflicts.sum() / (double) ok);
    System.out.printf("cas_successes=%d%n", ok);
    System.out.printf("cas_counter_growth=%d%n", after - before);
    System.out.printf("cas_lost_updates=%d%n", ok - (after - before));
    System.out.printf("cas_errors=%d%n", errors.sum());
  }

  private void loop(long deadline) {
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> read = get();
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String patch = new JsonObject().put(COUNTER, counter(read) + 1).encode();
        int status = http.send(HttpRequest.newBuilder(config).timeout(TIMEOUT)
            .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        (status == 200 ? successes : status == 412 ? conflicts : errors).increment();
      } catch (IOException | RuntimeException e) {
        errors.increment();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpResponse<String> get() throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(config).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET /api/config answered " + r.statusCode());
    }
    return r;
  }

  private static long counter(HttpResponse<String> read) {
    return new JsonObject(read.body()).getLong(COUNTER, 0L);
  }
}
