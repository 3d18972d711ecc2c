package io.spotipi.app.torture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least 100,000 generated bad requests ({@code -Dfuzz.requests}, seed {@code -Dfuzz.seed}) against a
 * live SpotiPi, from several clients at once: every answer is a 4xx, the revision and the commit
 * count do not move, and the server still answers and is ready afterwards. One in
 * {@value #RAW_EVERY} is broken HTTP sent as raw bytes on its own connection; for those, and for
 * oversized bodies (the server may close while the client still sends), a closed connection without
 * an answer is also accepted and counted.
 */
@Tag("torture")
class FuzzTortureTest {
  private static final int CLIENTS = 8;
  private static final int RAW_EVERY = 50;
  private static final Set<String> MAY_CLOSE = Set.of("raw", "oversized");
  private static final int MAX_EXAMPLES = 20;

  @TempDir
  Path temp;

  private final Map<String, LongAdder> byKindAndStatus = new ConcurrentHashMap<>();
  private final Set<String> violations = ConcurrentHashMap.newKeySet();
  private final LongAdder violationCount = new LongAdder();

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void aHundredThousandBadRequestsGetOnly4xxAndChangeNothing() throws Exception {
    int total = Integer.getInteger("fuzz.requests", 100_000);
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    TortureSummary summary = new TortureSummary("fuzz");
    summary.add("%d requests from %d clients, seed %d (rerun with -Dfuzz.seed=%d)", total, CLIENTS, seed, seed);
    Path log = temp.resolve("fuzz.log");
    try (SpotiPiProcess spotipi = SpotiPiProcess.start(temp.resolve("data"), log)) {
      HttpResponse<String> before = spotipi.get("/api/config");
      long revision = SpotiPiProcess.revision(before);
      long commits = spotipi.status().getLong("commits_total");

      long start = System.nanoTime();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        BadRequests generator = new BadRequests(seed + c);
        int share = total / CLIENTS + (c < total % CLIENTS ? 1 : 0);
        Thread t = new Thread(() -> fire(spotipi, generator, share), "fuzz-" + c);
        t.start();
        clients.add(t);
      }
      for (Thread t : clients) {
        t.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;

      long sent = byKindAndStatus.values().stream().mapToLong(LongAdder::sum).sum();
      summary.add("%d requests in %.1f s (%.0f/s)", sent, seconds, sent / seconds);
      new TreeMap<>(byKindAndStatus).forEach((k, v) -> summary.add("%s: %d", k, v.sum()));
      violations.forEach(v -> summary.add("VIOLATION %s", v));
      serverWarnings(log).forEach(line -> summary.add("server log: %s", line));

      HttpResponse<String> after = spotipi.get("/api/config");
      assertEquals(200, after.statusCode());
      assertEquals(revision, SpotiPiProcess.revision(after), "the revision moved");
      assertEquals(before.body(), after.body());
      assertEquals(commits, spotipi.status().getLong("commits_total"), "commits happened");
      assertEquals(200, spotipi.get("/readyz").statusCode());
      assertTrue(spotipi.child.alive());
      summary.add("afterwards: revision %d and commits_total %d unchanged, /readyz 200", revision, commits);
      assertEquals(0, violationCount.sum(), "answers outside 4xx, examples: " + violations);
      assertTrue(sent >= total, "sent " + sent);
    } finally {
      summary.write();
    }
  }

  private void fire(SpotiPiProcess spotipi, BadRequests generator, int count) {
    for (int i = 0; i < count; i++) {
      try {
        if (i % RAW_EVERY == 0) {
          byte[] raw = generator.rawHttp();
          check("raw", raw(spotipi.port(), raw), new String(raw, 0, Math.min(raw.length, 80),
              StandardCharsets.ISO_8859_1));
        } else {
          BadRequests.Http r = generator.next();
          check(r.kind(), send(spotipi, r), r.method() + " " + r.path() + " " + r.headers() + " "
              + (r.body() == null ? "" : new String(r.body(), 0, Math.min(r.body().length, 80), StandardCharsets.UTF_8)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The server's warnings and errors (only the first few): what it saw of a request that went wrong. */
  private static List<String> serverWarnings(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).limit(MAX_EXAMPLES).toList();
    }
  }

  /** The status, or no status and why when the connection closed without an answer. */
  private static Answer send(SpotiPiProcess spotipi, BadRequests.Http r) throws InterruptedException {
    HttpRequest.Builder b = spotipi.request(r.path()).method(r.method(), r.body() == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    r.headers().forEach(b::header);
    try {
      return Answer.of(SpotiPiProcess.HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return Answer.closed(e);
    }
  }

  /** Writes the bytes on a fresh connection; the status of the first answer line, if any. */
  private static Answer raw(int port, byte[] bytes) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      int n = 0;
      for (int read; n < head.length && (read = in.read(head, n, head.length - n)) > 0; ) {
        n += read;
      }
      String line = new String(head, 0, n, StandardCharsets.ISO_8859_1);
      return line.startsWith("HTTP/1.") && n == 12 ? Answer.of(Integer.parseInt(line.substring(9, 12)))
          : new Answer(-1, n == 0 ? "closed" : "not an answer line: " + line);
    } catch (IOException e) {
      return Answer.closed(e);
    }
  }

  private void check(String kind, Answer answer, String request) {
    int status = answer.status();
    byKindAndStatus.computeIfAbsent(kind + " → " + (status < 0 ? "closed" : status), k -> new LongAdder()).increment();
    boolean ok = status >= 400 && status < 500 || status < 0 && MAY_CLOSE.contains(kind);
    if (ok) {
      return;
    }
    violationCount.increment();
    if (violations.size() < MAX_EXAMPLES) {
      violations.add(kind + " → " + (status < 0 ? "no answer (" + answer.error() + ")" : status) + ": " + request);
    }
  }

  /** An answer's status, or -1 and what the client saw instead. */
  private record Answer(int status, String error) {
    static Answer of(int status) {
      return new Answer(status, null);
    }

    static Answer closed(IOException e) {
      return new Answer(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
