package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Every process started here, killed when the test JVM exits however the tests ended. */
  private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
        "cluster-node-reaper"));
  }

  final String name;
  final int httpPort;
  final Path dataDir;
  private final Path dir;
  private final List<String> command = new ArrayList<>();
  private final Map<String, String> env;
  private Process process;
  private Path log;
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
    this.httpPort = freePort();
    this.env = Map.copyOf(env);
    Path jar = Path.of(System.getProperty("spotipi.jar", "target/spotipi.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": build it with the package phase first");
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--host", "127.0.0.1", "--port", String.valueOf(httpPort), "--data-dir", dataDir.toString(),
        "--node-id", name));
    command.addAll(args);
  }

  /** n nodes of one cluster on loopback, not started yet, named n1..nN, without rate limits. */
  static List<ClusterNode> cluster(Path dir, int n, String verticles, Map<String, String> env) throws IOException {
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusterPorts.add(freePort());
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
    while (System.nanoTime() < deadline && process.isAlive()) {
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

  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** More options for the next launches. */
  void addArgs(String... args) {
    command.addAll(List.of(args));
  }

  /** Starts the process (again, after a kill or stop: same ports and data dir, a new log file). */
  void launch() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    launches++;
    log = dir.resolve("node-" + launches + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SPOTIPI_"));
    builder.environment().putAll(env);
    process = builder.start();
    STARTED.add(process);
  }

  void awaitReady() throws InterruptedException {
    awaitLog("SpotiPi ready", READY_WAIT);
  }

  void start() throws IOException, InterruptedException {
    launch();
    awaitReady();
  }

  /** Waits until this launch's log contains {@code text}; fails when the process dies first. */
  void awaitLog(String text, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!log().contains(text)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(name + ": no '" + text + "' within " + wait + " (alive: " + process.isAlive()
            + "):\n" + log());
      }
      Thread.sleep(50);
    }
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
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM (a clean shutdown), and waits until the process is gone. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!awaitExit()) {
      process.destroyForcibly();
      awaitExit();
    }
  }

  /** For cleanup: kills the process if it still runs. */
  void destroy() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private boolean awaitExit() throws InterruptedException {
    return process.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Waits for the process to end by itself; its exit status. */
  int exitCode() throws InterruptedException {
    if (!awaitExit()) {
      kill();
      throw new AssertionError(name + " did not exit within " + EXIT_WAIT);
    }
    return process.exitValue();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** The output of the current (or last) launch. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
