package io.spotipi.app.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Polls read routes of some nodes at {@link #RATE_HZ} for a while without waiting for the answers (one
 * slow answer must not thin out the polls), and reports every answer that was not 200.
 */
final class ReadPoller {
  static final int RATE_HZ = 10;
  /** Longer than any read may wait for a new owner; a read still unanswered then is a failure. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

  private ReadPoller() {
  }

  /** What was polled and what was not 200 ("node path: status body"), once every answer came. */
  record Outcome(int polls, List<String> failures) {
  }

  static Outcome poll(List<ClusterNode> nodes, List<String> paths, Duration duration) throws InterruptedException {
    List<CompletableFuture<String>> answers = new ArrayList<>();
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      for (ClusterNode node : nodes) {
        for (String path : paths) {
          answers.add(node.getAsync(path, ANSWER_WITHIN).handle((r, err) -> failure(node, path, r, err)));
        }
      }
      Thread.sleep(1000 / RATE_HZ);
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    return new Outcome(answers.size(), answers.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
  }

  /** {@code null} for a 200; else what came instead. Closes the body either way. */
  private static String failure(ClusterNode node, String path, HttpResponse<InputStream> r, Throwable err) {
    if (err != null) {
      return node.name + " " + path + ": " + err;
    }
    try (InputStream body = r.body()) {
      return r.statusCode() == 200 ? null
          : node.name + " " + path + ": " + r.statusCode() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return node.name + " " + path + ": " + r.statusCode() + " (body unreadable: " + e + ")";
    }
  }
}
