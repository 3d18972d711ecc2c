package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.app.ChildJvm;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One SpotiPi process of the real jar ({@code target/spotipi.jar}, built by the package phase before
 * these tests run), on 127.0.0.1 with its own free HTTP port and data dir, its output in a log file.
 * It can be restarted with the same settings (same ports, same data dir) after a kill or a stop.
 */
final class ClusterNode {
  static final Duration READY_WAIT = Duration.ofSeconds(90);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  /** How long replicas may take to serve a revision committed elsewhere. */
  static final Duration CONVERGE = Duration.ofSeconds(30);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** HTTP/1.1, a connection per request in flight: many at once, some left open (an event stream). */
  private static final HttpClient POLL_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int httpPort;
  final Path dataDir;
  private final Path dir;
  private final Path jar;
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env;
  private ChildJvm child;
  private int launches;

  /**
   * @param args the options beyond {@code --host}, {@code --port}, {@code --data-dir} and {@code --node-id},
   *     which this node sets itself (the node id is its name)
   */
  ClusterNode(String name, Path dir, List<String> args, Map<String, String> env) throws IOException {
    this.name = name;
    this.dir = Files.createDirectories(dir.resolve(name));
    // Created here: with --node-id given, nothing else creates it and the first commit fails (reported).
    this.dataDir = Files.createDirectories(this.dir.resolve("data"));
    this.httpPort = ChildJvm.freePort();
    this.env = Map.copyOf(env);
    this.jar = Path.of(System.getProperty("spotipi.jar", "target/spotipi.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": build it with the package phase first");
    // The player reads no credentials of whoever runs the tests: its env file is one of this node's own.
    this.args.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(httpPort), "--data-dir",
        dataDir.toString(), "--node-id", name, "--spotify-env-file", this.dir.resolve("spotify.env").toString()));
    this.args.addAll(args);
  }

  /** n nodes of one cluster on loopback, not started yet, named n1..nN, without rate limits. */
  static List<ClusterNode> cluster(Path dir, int n, String verticles, Map<String, String> env) throws IOException {
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusterPorts.add(ChildJvm.freePort());
    }
    String members = clusterPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    List<ClusterNode> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new ClusterNode("n" + (i + 1), dir, List.of("--cluster", "--cluster-host", "127.0.0.1",
          "--cluster-port", String.valueOf(clusterPorts.get(i)), "--cluster-members", members,
          "--verticles", verticles, "--rate-limit", "off"), env));
    }
    return nodes;
  }

  /** Starts the nodes together and waits until each serves (see {@link #awaitServing()}). */
  static void startAll(List<ClusterNode> nodes) throws IOException, InterruptedException {
    for (ClusterNode node : nodes) {
      node.launch();
    }
    for (ClusterNode node : nodes) {
      node.awaitReady();
    }
    for (ClusterNode node : nodes) {
      node.awaitServing();
    }
  }

  /** For cleanup: kills whichever of the nodes still run. */
  static void destroyAll(List<ClusterNode> nodes) throws InterruptedException {
    for (ClusterNode node : nodes) {
      node.destroy();
    }
  }

  /** The live node that owns the config, as a live node's status names it ("n2 (epoch 3)"); waits for one. */
  static ClusterNode owner(List<ClusterNode> nodes) throws InterruptedException {
    long deadline = System.nanoTime() + READY_WAIT.toNanos();
    while (true) {
      List<ClusterNode> live = nodes.stream().filter(ClusterNode::alive).toList();
      String owner;
      try {
        HttpResponse<String> status = live.get(0).get("/api/thread-safety/status");
        owner = status.statusCode() == 200 ? new JsonObject(status.body()).getString("owner") : status.body();
      } catch (IOException e) { // a status request routed to an owner that just died times out
        owner = e.toString();
      }
      for (ClusterNode node : live) {
        if (owner != null && owner.startsWith(node.name + " ")) {
          return node;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no live owner named by the status: " + owner);
      }
      Thread.sleep(100);
    }
  }

  /**
   * A fresh directory for one test class's nodes under {@code target/cluster-runs}: unlike a temp dir
   * it outlives the run, so the nodes' logs can be read after a failure.
   */
  static Path runDir(Class<?> testClass) throws IOException {
    return Files.createDirectories(Path.of("target", "cluster-runs",
        testClass.getSimpleName() + "-" + System.currentTimeMillis()).toAbsolutePath());
  }

  /** Waits until the node answers {@code /readyz} with 200: the cluster has an owner that serves. */
  void awaitServing() throws InterruptedException {
    long deadline = System.nanoTime() + READY_WAIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline && child.alive()) {
      try {
        HttpResponse<String> ready = get("/readyz");
        if (ready.statusCode() == 200) {
          return;
        }
        last = ready.statusCode() + " " + ready.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " not serving within " + READY_WAIT + ": " + last + "\n" + log());
  }

  /** More options for the next launches. */
  void addArgs(String... more) {
    args.addAll(List.of(more));
  }

  /** Starts the process (again, after a kill or stop: same ports and data dir, a new log file). */
  void launch() throws IOException {
    if (alive()) {
      throw new IllegalStateException(name + " is already running");
    }
    launches++;
    child = ChildJvm.start(ChildJvm.command(JVM_OPTIONS, jar, args), env, dir.resolve("node-" + launches + ".log"));
  }

  void awaitReady() throws InterruptedException {
    child.awaitOutput("SpotiPi ready", READY_WAIT);
  }

  void start() throws IOException, InterruptedException {
    launch();
    awaitReady();
  }

  /** Waits until this node's own durable copy ({@code development.json}) holds {@code revision}. */
  void awaitStoredRevision(long revision) throws InterruptedException {
    Path file = dataDir.resolve("development.json");
    long deadline = System.nanoTime() + READY_WAIT.toNanos();
    long seen = -1;
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        try {
          seen = new JsonObject(Files.readString(file)).getJsonObject("_meta").getLong("revision");
        } catch (RuntimeException | IOException e) {
          seen = -1; // one bad read must not end the wait: read again
        }
        if (seen >= revision) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + ": " + file + " holds revision " + seen + ", not " + revision);
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() throws InterruptedException {
    child.kill();
  }

  /** SIGTERM (a clean shutdown), and waits until the process is gone. */
  void stop() {
    child.stop();
  }

  /** SIGSTOP: the node freezes, Hazelcast and all. */
  void pause() throws IOException, InterruptedException {
    child.pause();
  }

  /** SIGCONT after {@link #pause()}. */
  void resume() throws IOException, InterruptedException {
    child.resume();
  }

  /** For cleanup: kills the process if it still runs. */
  void destroy() throws InterruptedException {
    if (alive()) {
      kill();
    }
  }

  /** Waits for the process to end by itself; its exit status. */
  int exitCode() throws InterruptedException {
    return child.exitCode(EXIT_WAIT);
  }

  boolean alive() {
    return child != null && child.alive();
  }

  long pid() {
    return child.pid();
  }

  /** The output of the current (or last) launch. */
  String log() {
    return child.output();
  }

  /** The output of every launch so far, oldest first. */
  String allLogs() {
    return IntStream.rangeClosed(1, launches).mapToObj(i -> {
      try {
        return Files.readString(dir.resolve("node-" + i + ".log"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).collect(Collectors.joining());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, Map.of());
  }

  /** A merge patch, with {@code If-Match} when {@code ifMatch} is not null. */
  HttpResponse<String> patch(String path, String body, String ifMatch) throws IOException, InterruptedException {
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/merge-patch+json"));
    if (ifMatch != null) {
      headers.put("If-Match", ifMatch);
    }
    return send("PATCH", path, body, headers);
  }

  /** A merge patch of /api/config that must succeed (200); with If-Match when {@code ifMatch} is not null. */
  HttpResponse<String> commit(String patch, String ifMatch) throws IOException, InterruptedException {
    HttpResponse<String> response = patch("/api/config", patch, ifMatch);
    assertEquals(200, response.statusCode(), this + ": " + response.body());
    return response;
  }

  /** Reads /api/config until its ETag reaches {@code revision} (the near cache follows the change events). */
  HttpResponse<String> awaitRevision(long revision) throws InterruptedException {
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> read = get("/api/config");
        if (read.statusCode() == 200 && RevisionLog.revision(read) >= revision) {
          return read;
        }
        last = read.statusCode() + " " + read.body();
      } catch (IOException e) {
        last = e.toString(); // not answering yet (starting, or waiting on a dead owner): read again
      }
      Thread.sleep(100);
    }
    throw new AssertionError(this + " did not reach revision " + revision + " within " + CONVERGE + ": " + last);
  }

  HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
    return send("PUT", path, body, Map.of("Content-Type", "application/json"));
  }

  /** A request to this node; with the node's API token as bearer when it has one. */
  HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return HTTP.send(request(method, path, body, headers, REQUEST_TIMEOUT), HttpResponse.BodyHandlers.ofString());
  }

  /** A merge patch without waiting for the answer, failing after {@code timeout}. */
  CompletableFuture<HttpResponse<String>> patchAsync(String path, String body, Duration timeout) {
    return HTTP.sendAsync(request("PATCH", path, body, Map.of("Content-Type", "application/merge-patch+json"),
        timeout), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A GET without waiting for the answer, failing after {@code timeout}: it completes once the status
   * and headers came, with the body as a stream to read or close (an event stream never ends).
   */
  CompletableFuture<HttpResponse<InputStream>> getAsync(String path, Duration timeout) {
    return POLL_HTTP.sendAsync(request("GET", path, null, Map.of(), timeout), HttpResponse.BodyHandlers.ofInputStream());
  }

  private HttpRequest request(String method, String path, String body, Map<String, String> headers,
      Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    String token = env.get("SPOTIPI_API_TOKEN");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  @Override
  public String toString() {
    return name + "(http " + httpPort + ")";
  }
}
