package io.spotipi.app.cluster;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client of the failover test: increments its own key through one node's HTTP API by
 * compare-and-set (read the document and its ETag, PATCH {@code key: value + 1} with If-Match,
 * again on 412). After an ambiguous failure (5xx, timeout, refused connection) it learns from later
 * reads whether that increment was applied. Every full document it sees goes to the {@link RevisionLog}.
 */
final class IncrementClient implements Runnable {
  private final ClusterNode node;
  private final String key;
  private final RevisionLog revisions;
  private final AtomicBoolean stop;
  private final FailoverClock clock;
  private final int maxAttempts;
  /** Increments this client knows were applied: acknowledged, or learned after an ambiguous failure. */
  private int confirmed;
  private int acknowledged;
  private int ambiguous;
  /** The value an ambiguous PATCH tried to set, until a read or a later commit tells its fate. */
  private Integer pendingTarget;
  private volatile Throwable failure;

  IncrementClient(ClusterNode node, String key, RevisionLog revisions, AtomicBoolean stop, FailoverClock clock,
      int maxAttempts) {
    this.node = node;
    this.key = key;
    this.revisions = revisions;
    this.stop = stop;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public void run() {
    try {
      for (int i = 0; i < maxAttempts && !stop.get(); i++) {
        attempt();
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void attempt() throws InterruptedException {
    JsonObject doc;
    long revision;
    try {
      HttpResponse<String> read = node.get("/api/config");
      if (read.statusCode() != 200) {
        Thread.sleep(50);
        return;
      }
      revision = RevisionLog.revision(read);
      doc = new JsonObject(read.body());
      revisions.saw(revision, doc);
    } catch (IOException e) {
      Thread.sleep(50);
      return;
    }
    int value = doc.getInteger(key, 0);
    if (pendingTarget != null && value >= pendingTarget) {
      confirmed++; // the ambiguous increment was applied after all
      pendingTarget = null;
    }
    int target = value + 1;
    long sentAt = System.nanoTime();
    try {
      HttpResponse<String> patch = node.patch("/api/config", new JsonObject().put(key, target).encode(),
          "\"" + revision + "\"");
      if (patch.statusCode() == 200) {
        acknowledged();
        clock.committed(sentAt);
        revisions.saw(RevisionLog.revision(patch), new JsonObject(patch.body()));
      } else if (patch.statusCode() >= 500) {
        ambiguousFailure(target);
      } else if (patch.statusCode() != 412) {
        throw new AssertionError(key + ": PATCH answered " + patch.statusCode() + ": " + patch.body());
      }
    } catch (IOException e) { // a timeout or a dropped connection
      ambiguousFailure(target);
    }
  }

  private void acknowledged() {
    // A compare-and-set on value + 1 won: an earlier ambiguous attempt at the same target was not applied.
    pendingTarget = null;
    confirmed++;
    acknowledged++;
  }

  private void ambiguousFailure(int target) {
    ambiguous++;
    pendingTarget = target;
  }

  /** What this client expects the key to hold, given the key's final value (which settles a pending one). */
  int expected(int finalValue) {
    return pendingTarget != null && finalValue >= pendingTarget ? confirmed + 1 : confirmed;
  }

  int acknowledgedCount() {
    return acknowledged;
  }

  int ambiguousCount() {
    return ambiguous;
  }

  Throwable failure() {
    return failure;
  }

  String key() {
    return key;
  }
}
