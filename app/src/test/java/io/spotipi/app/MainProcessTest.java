package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.transport.Transport;
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
import java.util.List;
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

  /** Main on this test's classpath, stdout and stderr in files named after {@code name}. */
  private ChildJvm start(String name, String... args) throws IOException {
    return ChildJvm.start(ChildJvm.command(List.of(), null, List.of(args)), temp.resolve(name + ".out"),
        temp.resolve(name + ".err"));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBadOptionExitsWithStatus2AndOneLineOnStderr() throws Exception {
    ChildJvm child = start("bad", "--port", "0");
    assertEquals(Main.EXIT_USAGE, child.exitCode(WAIT));
    assertEquals("spotipi: invalid --port '0': must be a whole number from 1 to 65535\n", child.errors());
    assertEquals("", child.output());
  }

  @Test
  void helpPrintsTheOptionsAndExits0() throws Exception {
    ChildJvm child = start("help", "--help");
    assertEquals(0, child.exitCode(WAIT));
    assertEquals(Usage.text(), child.output());
  }

  @Test
  void aVerticleThatCannotStartExitsWithStatus1AndOneErrorLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ChildJvm child = start("taken", "--data-dir", temp.resolve("data").toString(), "--host", "127.0.0.1",
          "--port", String.valueOf(taken.getLocalPort()), "--verticles", "config,api");
      assertEquals(Main.EXIT_START_FAILED, child.exitCode(WAIT));
      List<String> errors = child.output().lines().filter(line -> line.contains(" ERROR ")).toList();
      assertEquals(1, errors.size(), child.output());
      assertTrue(errors.get(0).contains("SpotiPi failed to start: verticle api failed to start"), errors.get(0));
      assertTrue(!child.output().contains("SpotiPi ready"), child.output());
    }
  }

  /** What a kernel before Linux 6.15 gets: there an idle io_uring wait would count as I/O wait. */
  @Test
  void whereAnIdleIoUringWaitWouldBeIoWaitItRunsOnEpollAndSaysWhy() throws Exception {
    assumeTrue(Transport.IO_URING != null && Transport.IO_URING.available());
    List<String> jvmArgs = List.of("-D" + NetworkTransport.NO_IOWAIT_PROPERTY + "=false");
    List<String> args = List.of("--data-dir", temp.resolve("data").toString(), "--verticles", "config");
    ChildJvm child = ChildJvm.start(ChildJvm.command(jvmArgs, null, args), temp.resolve("epoll.out"),
        temp.resolve("epoll.err"));
    try {
      child.awaitOutput("SpotiPi ready", WAIT);
      assertTrue(child.output().contains("network transport: epoll (io_uring: this kernel would count its idle "
          + "waits as I/O wait"), child.output());
    } finally {
      child.terminate();
      child.exitCode(WAIT);
    }
  }

  @Test
  void startsServesAndKeepsAnAcknowledgedCommitAcrossSigterm() throws Exception {
    String dataDir = temp.resolve("data").toString();
    int port = ChildJvm.freePort();
    String base = "http://127.0.0.1:" + port;
    String[] args = {"--data-dir", dataDir, "--host", "127.0.0.1", "--port", String.valueOf(port)};

    ChildJvm first = start("first", args);
    first.awaitOutput("SpotiPi ready on " + base + "\n", WAIT);
    assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/readyz"))).statusCode());
    assertEquals("vert.x-eventloop-thread-0", threadOf(first.output(), "store loaded"), first.output());
    assertEquals("vert.x-eventloop-thread-0", threadOf(first.output(), "HTTP API listening"),
        "by default the API and the config owner share the one event loop");
    if (NetworkTransportTest.nativeLibrariesShipped()) {
      assertTrue(first.output().matches("(?s).*network transport: (io_uring|epoll)( \\(.*\\))?\n.*"),
          first.output());
    }
    HttpResponse<String> patch = send(HttpRequest.newBuilder(URI.create(base + "/api/config"))
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"alarm_volume\": 42}")));
    assertEquals(200, patch.statusCode(), patch.body());
    String nodeId = Files.readString(Path.of(dataDir, "node-id")).trim();
    String statusBody = send(HttpRequest.newBuilder(URI.create(base + "/api/thread-safety/status"))).body();
    assertTrue(statusBody.replace(" ", "").contains("\"event_loop_threads\":1"), statusBody);
    first.terminate();
    first.exitCode(WAIT);
    assertTrue(first.output().contains("SpotiPi stopped"), first.output());

    ChildJvm second = start("second", args);
    second.awaitOutput("SpotiPi ready on " + base + "\n", WAIT);
    try {
      String config = send(HttpRequest.newBuilder(URI.create(base + "/api/config"))).body();
      assertTrue(config.replace(" ", "").contains("\"alarm_volume\":42"), config);
      assertTrue(second.output().contains("node " + nodeId), second.output());
    } finally {
      second.terminate();
      second.exitCode(WAIT);
    }
  }

  /** The thread that logged the first line containing {@code text}. */
  private static String threadOf(String log, String text) {
    return log.lines().filter(line -> line.contains(text)).findFirst()
        .map(line -> line.substring(line.indexOf('[') + 1, line.indexOf(']')))
        .orElseThrow(() -> new AssertionError("no log line with '" + text + "' in:\n" + log));
  }
}
