package io.spotipi.bench;

import io.spotipi.bench.CasTarget.Read;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Compare-and-set increments over HTTP: each client reads the counter, then tries to set it to one more
 * on the condition that it has not changed; when it lost, it retries from what the store answered,
 * without another read, as an etcd client retries from its transaction's else branch. At the end the
 * counter must have grown by exactly the number of won attempts. Against SpotiPi ({@link SpotiPiCas}:
 * {@code GET}, then {@code PATCH} with {@code If-Match}, a 412 carrying the document) or, with
 * {@code --etcd}, against etcd's JSON gateway ({@link EtcdCas}: range, then a transaction on the key's
 * {@code mod_revision}).
 *
 * <p>The clients are asynchronous loops on one Vert.x event loop, each with its own keep-alive
 * connection: a thread-per-client blocking client spent more CPU than the server on these 2 cores and
 * made itself the bottleneck. The same clients first run unrecorded for the warm-up seconds: a fresh
 * JVM's cold JIT made this client the slow side (a single client reached a quarter of the cycles/s that
 * a C client, wrk with a Lua CAS loop, reached against the same server). Usage:
 * {@code CasIncrements [--etcd] BASE_URL CLIENTS SECONDS [WARMUP_SECONDS]}. Prints {@code key=value}
 * lines, and {@code cas_error=...} samples of what failed.
 */
public final class CasIncrements {
  static final String COUNTER = "bench_cas_counter";
  private static final long TIMEOUT_MS = 10_000;
  private static final int ERROR_SAMPLES = 5;

  /** What one run counted: won and lost attempts, the counter's growth, and how long it took. */
  private record Tally(long successes, long conflicts, long growth, double seconds) {
    long lost() {
      return successes - growth;
    }
  }

  private final CasTarget target;
  // confined to the clients' event loop until they have all finished
  private long successes;
  private long conflicts;
  private long errors;
  private final Set<String> errorSamples = new LinkedHashSet<>();

  private CasIncrements(CasTarget target) {
    this.target = target;
  }

  static RequestOptions request(URI base, HttpMethod method, String path) {
    return new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort()).setURI(path)
        .setIdleTimeout(TIMEOUT_MS);
  }

  public static void main(String[] args) throws Exception {
    boolean etcd = args.length > 0 && args[0].equals("--etcd");
    int first = etcd ? 1 : 0;
    if (args.length - first < 3 || args.length - first > 4) {
      System.err.println("usage: CasIncrements [--etcd] BASE_URL CLIENTS SECONDS [WARMUP_SECONDS]");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    try {
      URI base = URI.create(args[first]);
      int clients = Integer.parseInt(args[first + 1]);
      HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(clients));
      CasIncrements bench = new CasIncrements(etcd ? new EtcdCas(http, base) : new SpotiPiCas(http, base));
      Context loop = vertx.getOrCreateContext();
      double warmup = args.length - first == 4 ? Double.parseDouble(args[first + 3]) : 0;
      Future<String> report = Future.<String>future(p -> loop.runOnContext(v -> bench.run(clients, warmup)
          .compose(unrecorded -> bench.run(clients, Double.parseDouble(args[first + 2]))
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
    return target.read().compose(before -> {
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      List<Future<Void>> loops = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Promise<Void> done = Promise.promise();
        next(deadline, done);
        loops.add(done.future());
      }
      return Future.all(loops).compose(v -> target.read()).map(after -> new Tally(successes, conflicts,
          after.counter() - before.counter(), (System.nanoTime() - start) / 1e9));
    });
  }

  /** One read-increment attempt after another until the deadline. */
  private void next(long deadline, Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      done.complete();
      return;
    }
    next(deadline, done, target.read());
  }

  private void next(long deadline, Promise<Void> done, Future<Read> read) {
    read.compose(target::increment).onComplete(ar -> {
      Future<Read> again = null;
      if (ar.failed()) {
        error(ar.cause().toString());
      } else if (ar.result().won()) {
        successes++;
      } else {
        conflicts++;
        again = ar.result().current();
      }
      if (again == null || System.nanoTime() >= deadline) {
        next(deadline, done);
      } else {
        next(deadline, done, again);
      }
    });
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
