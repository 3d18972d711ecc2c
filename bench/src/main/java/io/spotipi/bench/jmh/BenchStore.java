package io.spotipi.bench.jmh;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real ConfigVerticle on a fresh data dir in the temp folder, and clients bound to their own contexts;
 * one event loop, as SpotiPi runs by default ({@code -Dbench.eventLoops=N} in the forks for another pool).
 */
final class BenchStore implements AutoCloseable {
  private static final long WAIT_SECONDS = 30;

  final Vertx vertx = Vertx.vertx(
      new VertxOptions().setEventLoopPoolSize(Integer.getInteger("bench.eventLoops", 1)));
  private final Path dataDir;

  BenchStore() throws Exception {
    dataDir = Files.createTempDirectory("spotipi-bench");
    await(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions()
        .setConfig(new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("bench").toJson())));
  }

  /** A client created on, and to be used from, a new event-loop context of its own. */
  BoundClient newClient() throws Exception {
    Context context = vertx.getOrCreateContext();
    ConfigClient client = await(onContext(context,
        () -> {
          ConfigClient c = ConfigClient.create(vertx, new ConfigClientOptions("bench"));
          return c.ready().map(c);
        }));
    return new BoundClient(context, client);
  }

  record BoundClient(Context context, ConfigClient client) {
  }

  /** Runs the action on the context and hands back its future. */
  static <T> Future<T> onContext(Context context, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(vertx.close());
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(BenchStore::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + p, e);
    }
  }
}
