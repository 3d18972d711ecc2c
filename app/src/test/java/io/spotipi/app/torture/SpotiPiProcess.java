package io.spotipi.app.torture;

import io.spotipi.app.ChildJvm;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SpotiPi as a child JVM, as a user runs it: {@code java -jar spotipi.jar} when {@code -Dspotipi.jar}
 * names a jar (bench/torture.sh builds one and passes it), else {@code Main} on this test's classpath
 * (the same code, current with the build). Output goes to a file beside the data dir.
 */
final class SpotiPiProcess implements AutoCloseable {
  private static final Duration READY_WAIT = Duration.ofSeconds(60);
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  final ChildJvm child;
  final String base;
  final Path dataDir;

  private SpotiPiProcess(ChildJvm child, String base, Path dataDir) {
    this.child = child;
    this.base = base;
    this.dataDir = dataDir;
  }

  /** Starts it on a free loopback port, rate limiting off, and waits for the ready line. */
  static SpotiPiProcess start(Path dataDir, Path log, String... jvmArgs) throws IOException, InterruptedException {
    int port = ChildJvm.freePort();
    String jar = System.getProperty("spotipi.jar", "");
    List<String> command = ChildJvm.command(List.of(jvmArgs), jar.isEmpty() ? null : Path.of(jar),
        List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
            "--env", "torture"));
    ChildJvm child = ChildJvm.start(command, Map.of("SPOTIPI_RATE_LIMIT", "off"), log);
    SpotiPiProcess spotipi = new SpotiPiProcess(child, "http://127.0.0.1:" + port, dataDir);
    child.awaitOutput("SpotiPi ready on " + spotipi.base, READY_WAIT);
    return spotipi;
  }

  int port() {
    return URI.create(base).getPort();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  HttpResponse<String> patch(String json) throws IOException, InterruptedException {
    return send(request("/api/config").header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The revision in an ETag header. */
  static long revision(HttpResponse<?> response) {
    String etag = response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    return Long.parseLong(etag.replace("\"", ""));
  }

  JsonObject status() throws IOException, InterruptedException {
    return new JsonObject(get("/api/thread-safety/status").body());
  }

  /** The user's file as it is on disk now, parsed (fails the test if it does not parse). */
  JsonObject storedFile() throws IOException {
    return new JsonObject(Files.readString(dataDir.resolve("torture.json")));
  }

  long pid() {
    return child.pid();
  }

  /** Resident set size from /proc, in MiB. */
  double rssMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for " + pid());
  }

  /** Heap in use right after a full GC (jcmd GC.run, then the heap pools from /metrics), in MiB. */
  double heapAfterGcMib() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid()), "GC.run").redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd GC.run failed: " + out);
    }
    return MetricsText.sum(get("/metrics").body(), "jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
  }

  /** SIGTERM and wait: a clean shutdown. */
  @Override
  public void close() {
    child.stop();
  }
}
