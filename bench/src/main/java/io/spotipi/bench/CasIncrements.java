package io.spotipi.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Compare-and-set increments over HTTP: each client reads {@code GET /api/config}, then sends
 * {@code PATCH} with {@code If-Match} of the ETag it read and the counter plus one; on 412 it retries
 * from the 412's ETag and the document it carries ({@code current}), without another GET, as an etcd
 * client retries from its transaction's else branch. At the end the counter must have grown by exactly
 * the number of 200s.
 *
 * <p>The clients are asynchronous loops on one Vert.x event loop, each with its own keep-alive
 * connection: a thread-per-client blocking client spent more CPU than the server on these 2 cores and
 * made itself the bottleneck. The same clients first run unrecorded for the warm-up seconds: a fresh
 * JVM's cold JIT made this client the slow side (a single client reached a quarter of the cycles/s that
 * a C client, wrk with a Lua CAS loop, reached against the same server). Usage:
 * {@code CasIncrements BASE_URL CLIENTS SECONDS [WARMUP_SECONDS]}. Prints {@code key=value} lines, and
 * {@code cas_error=...} samples of what failed.
 */
public final class CasIncrements {
  static final String COUNTER = "bench_cas_counter";
  private static final long TIMEOUT_MS = 10_000;
  private static final int ERROR_SAMPLES = 5;
  private static final String PATH = "/api/config";

  private record Read(String etag, long counter) {
  }

  /** What one run counted: 200s, 412s, the counter's growth, and how long it took. */
  private record Tally(long successes, long conflicts, long growth, double seconds) {
    long lost() {
      return successes - growth;
    }
  }

  private final HttpClient http;
  private final RequestOptions get;
  private final RequestOptions patch;
  // confined to the clients' event loop until they have all finished
  private long successes;
  private long conflicts;
  private long errors;
  private final Set<String> errorSamples = new LinkedHashSet<>();

  private CasIncrements(Vertx vertx, URI base, int clients) {
    http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(clients));
    get = request(base, HttpMethod.GET);
    patch = request(base, HttpMethod.PATCH)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/merge-patch+json");
  }

  private static RequestOptions request(URI base, HttpMethod method) {
    return new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort()).setURI(PATH)
        .setIdleTimeout(TIMEOUT_MS);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: CasIncrements BASE_URL CLIENTS SECONDS [WARMUP_SECONDS]");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    try {
      int clients = Integer.parseInt(args[1]);
      CasIncrements bench = new CasIncrements(vertx, URI.create(args[0]), clients);
      Context loop = vertx.getOrCreateContext();
      double warmup = args.length == 4 ? Double.parseDouble(args[3]) : 0;
      Future<String> report = Future.<String>future(p -> loop.runOnContext(v -> bench.run(clients, warmup)
          .compose(unrecorded -> bench.run(clients, Double.parseDouble(args[2]))
              .map(measured -> bench.report(measured, unrecorded.lost())))
          .onComplete(p)));
      System.out.print(report.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES));
    } finally {
      vertx.close().await();
    }
  }

  private Future<Tally> run(int clients, double seconds) {
    successes = 0;
    conflicts = 0;
    return read().compose(before -> {
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      List<Future<Void>> loops = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Promise<Void> done = Promise.promise();
        next(deadline, done);
        loops.add(done.future());
      }
      return Future.all(loops).compose(v -> read()).map(after -> new Tally(successes, conflicts,
          after.counter() - before.counter(), (System.nanoTime() - start) / 1e9));
    });
  }

  /** One read-increment attempt after another until the deadline. */
  private void next(long deadline, Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      done.complete();
      return;
    }
    next(deadline, done, read());
  }

  private void next(long deadline, Promise<Void> done, Future<Read> read) {
    read.compose(this::increment).onComplete(ar -> {
      Future<Read> again = null;
      if (ar.failed()) {
        error(ar.cause().toString());
      } else if (ar.result().status() == 200) {
        successes++;
      } else if (ar.result().status() == 412) {
        conflicts++;
        again = ar.result().current();
      } else {
        error("PATCH answered " + ar.result().status());
      }
      if (again == null || System.nanoTime() >= deadline) {
        next(deadline, done);
      } else {
        next(deadline, done, again);
      }
    });
  }

  private Future<Read> read() {
    return http.request(get).compose(req -> req.send()).compose(resp -> resp.body().compose(body ->
        resp.statusCode() == 200
            ? Future.succeededFuture(new Read(resp.getHeader(HttpHeaders.ETAG), counter(body)))
            : Future.failedFuture("GET answered " + resp.statusCode())));
  }

  /** A PATCH's status and, for a 412, what to retry from (failed when the 412 carries no document). */
  private record Outcome(int status, Future<Read> current) {
  }

  /** The PATCH's outcome; the body is always read, so the connection goes back to the pool. */
  private Future<Outcome> increment(Read read) {
    Buffer body = new JsonObject().put(COUNTER, read.counter() + 1).toBuffer();
    return http.request(new RequestOptions(patch).putHeader(HttpHeaders.IF_MATCH, read.etag()))
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> new Outcome(resp.statusCode(),
            resp.statusCode() == 412 ? lostTo(resp.getHeader(HttpHeaders.ETAG), b) : null)));
  }

  private static Future<Read> lostTo(String etag, Buffer problem) {
    JsonObject current = new JsonObject(problem).getJsonObject("current");
    return etag == null || current == null
        ? Future.failedFuture("a 412 without the ETag and document it lost to")
        : Future.succeededFuture(new Read(etag, current.getLong(COUNTER, 0L)));
  }

  private static long counter(Buffer body) {
    return new JsonObject(body).getLong(COUNTER, 0L);
  }

  private void error(String what) {
    errors++;
    if (errorSamples.size() < ERROR_SAMPLES) {
      errorSamples.add(what);
    }
  }

  /** The measured run, with any update the warm-up lost counted too. */
  private String report(Tally t, long lostInWarmup) {
    StringBuilder out = new StringBuilder()
        .append(String.format("cas_successes_per_sec=%.1f%n", t.successes() / t.seconds()))
        .append(String.format("cas_conflicts_per_success=%.3f%n",
            t.successes() == 0 ? Double.NaN : t.conflicts() / (double) t.successes()))
        .append(String.format("cas_successes=%d%n", t.successes()))
        .append(String.format("cas_counter_growth=%d%n", t.growth()))
        .append(String.format("cas_lost_updates=%d%n", t.lost() + lostInWarmup))
        .append(String.format("cas_errors=%d%n", errors));
    errorSamples.forEach(e -> out.append("cas_error=").append(e).append('\n'));
    return out.toString();
  }
}
