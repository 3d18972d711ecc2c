package io.spotipi.app;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run behind the class-data-sharing archive that the build writes next to the jar
 * ({@code app/target/spotipi.jsa}):
 * {@code java -XX:ArchiveClassesAtExit=spotipi.jsa -cp spotipi.jar io.spotipi.app.CdsTraining}.
 * It starts a single node as {@link Main} does (on loopback, a free port and a temporary data dir),
 * reads and saves the config over HTTP so the request path is in the archive too, then stops the node.
 * A JVM started with {@code -XX:SharedArchiveFile=spotipi.jsa} maps those classes instead of reading,
 * parsing and verifying them from the jar, and is ready in about half the time.
 */
public final class CdsTraining {
  private static final long TIMEOUT_SECONDS = 60;

  private CdsTraining() {
  }

  public static void main(String[] args) throws Exception {
    Main.routeLibraryLogging();
    // The node logs as it always does, so the logging path is archived too, but into a buffer: the
    // build's output shows it only when the training fails.
    ByteArrayOutputStream nodeLog = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(nodeLog, true, StandardCharsets.UTF_8));
    int status = 0;
    try {
      train();
    } catch (Exception e) {
      System.err.print(nodeLog.toString(StandardCharsets.UTF_8));
      System.err.println("CDS training failed: " + e);
      status = 1;
    } finally {
      System.setOut(console);
    }
    // Exit here, where the archive is written, rather than wait for whatever threads a failure left.
    System.exit(status);
  }

  private static void train() throws Exception {
    Path dataDir = Files.createTempDirectory("spotipi-cds-training");
    try {
      // The player reads no credentials of whoever builds: its env file is one that does not exist.
      AppOptions options = AppOptions.parse(List.of("--host", "127.0.0.1", "--port", String.valueOf(freePort()),
          "--data-dir", dataDir.toString(), "--spotify-env-file", dataDir.resolve("no-spotify.env").toString()),
          Map.of()).orElseThrow();
      SpotiPiNode node = await(SpotiPiNode.create(options));
      try {
        await(node.deploy(options, NodeId.resolve(options.dataDir(), options.nodeId()))
            .compose(v -> exercise(node.vertx().createHttpClient(), options.port())));
      } finally {
        await(node.close());
      }
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** The requests a user's first minute makes: the config, a save, the alarm, Spotify's status and the probes. */
  private static Future<Void> exercise(HttpClient http, int port) {
    return call(http, port, HttpMethod.GET, "/api/config", null)
        .compose(v -> call(http, port, HttpMethod.PATCH, "/api/config", "{\"alarm_volume\":25}"))
        .compose(v -> call(http, port, HttpMethod.GET, "/api/alarm", null))
        .compose(v -> call(http, port, HttpMethod.GET, "/api/spotify/status", null))
        .compose(v -> call(http, port, HttpMethod.GET, "/readyz", null))
        .compose(v -> call(http, port, HttpMethod.GET, "/metrics", null));
  }

  /** One request that must answer 200, or the training fails (and with it the build). */
  private static Future<Void> call(HttpClient http, int port, HttpMethod method, String path, String json) {
    RequestOptions request = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
    if (json != null) {
      request.putHeader("Content-Type", "application/merge-patch+json");
    }
    return http.request(request)
        .compose(req -> json == null ? req.send() : req.send(Buffer.buffer(json)))
        .compose(resp -> resp.body().compose(body -> checked(method, path, resp, body)));
  }

  private static Future<Void> checked(HttpMethod method, String path, HttpClientResponse resp, Buffer body) {
    return resp.statusCode() == 200
        ? Future.succeededFuture()
        : Future.failedFuture(method + " " + path + " answered " + resp.statusCode() + ": " + body);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
