package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main as a real process (a child JVM on this test's classpath): the exit-status contract, the ready
 * line, and a SIGTERM shutdown after which an acknowledged commit is still there.
 */
class MainProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path temp;

  /** A child JVM running Main, its stdout and stderr in files. */
  private final class Child {
    final Process process;
    final Path out;
    final Path err;

    Child(String name, String... args) throws IOException {
      // The jar's own logback.xml, not the test classpath's logback-test.xml files (several: logback
      // would print its status about them to stdout).
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml"),
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(List.of(args));
      out = temp.resolve(name + ".out");
      err = temp.resolve(name + ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeIf(key -> key.startsWith("SPOTIPI_"));
      process = builder.start();
    }

    int exitCode() throws InterruptedException {
      if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("child did not exit within " + WAIT);
      }
      return process.exitValue();
    }

    String stdout() throws IOException {
      return Files.readString(out);
    }

    String stderr() throws IOException {
      return Files.readString(err);
    }

    void awaitOutput(String text) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!stdout().contains(text)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new AssertionError("no '" + text + "' in the output: " + stdout() + stderr());
        }
        Thread.sleep(50);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBadOptionExitsWithStatus2AndOneLineOnStderr() throws Exception {
    Child child = new Child("bad", "--port", "0");
    assertEquals(Main.EXIT_USAGE, child.exitCode());
    assertEquals("spotipi: invalid --port '0': must be a whole number from 1 to 65535\n", child.stderr());
    assertEquals("", child.stdout());
  }

  @Test
  void helpPrintsTheOptionsAndExits0() throws Exception {
    Child child = new Child("help", "--help");
    assertEquals(0, child.exitCode());
    assertEquals(Usage.text(), child.stdout());
  }

  @Test
  void aVerticleThatCannotStartExitsWithStatus1AndOneErrorLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Child child = new Child("taken", "--data-dir", temp.resolve("data").toString(), "--host", "127.0.0.1",
          "--port", String.valueOf(taken.getLocalPort()), "--verticles", "config,api");
      assertEquals(Main.EXIT_START_FAILED, child.exitCode());
      List<String> errors = child.stdout().lines().filter(line -> line.contains(" ERROR ")).toList();
      assertEquals(1, errors.size(), child.stdout());
      assertTrue(errors.get(0).contains("SpotiPi failed to start: verticle api failed to start"), errors.get(0));
      assertTrue(!child.stdout().contains("SpotiPi ready"), child.stdout());
    }
  }

  @Test
  void startsServesAndKeepsAnAcknowledgedCommitAcrossSigterm() throws Exception {
    String dataDir = temp.resolve("data").toString();
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    String[] args = {"--data-dir", dataDir, "--host", "127.0.0.1", "--port", String.valueOf(port)};

    Child first = new Child("first", args);
    first.awaitOutput("SpotiPi ready on " + base + "\n");
    assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/readyz"))).statusCode());
    HttpResponse<String> patch = send(HttpRequest.newBuilder(URI.create(base + "/api/config"))
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"alarm_volume\": 42}")));
    assertEquals(200, patch.statusCode(), patch.body());
    String nodeId = Files.readString(Path.of(dataDir, "node-id")).trim();
    first.process.destroy(); // SIGTERM
    first.exitCode();
    assertTrue(first.stdout().contains("SpotiPi stopped"), first.stdout());

    Child second = new Child("second", args);
    second.awaitOutput("SpotiPi ready on " + base + "\n");
    try {
      String config = send(HttpRequest.newBuilder(URI.create(base + "/api/config"))).body();
      assertTrue(config.replace(" ", "").contains("\"alarm_volume\":42"), config);
      assertTrue(second.stdout().contains("node " + nodeId), second.stdout());
    } finally {
      second.process.destroy();
      second.exitCode();
    }
  }
}
