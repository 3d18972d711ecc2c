package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deposed owner that wakes up ({@code mvn -Ptorture verify}): the owner is paused with SIGSTOP
 * until a standby takes over and commits, then resumed and sent commits through its own API. It
 * must not commit on its stale state: each revision keeps one document everywhere, and the woken
 * node (restarted if it left after Hazelcast merged it back) ends up serving and storing the
 * cluster's newest revision.
 */
@Tag("torture")
class PausedOwnerTortureTest {
  private static final Logger log = LoggerFactory.getLogger(PausedOwnerTortureTest.class);
  private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);
  private static final int WAKE_COMMITS = 20;
  private static final Duration MERGE_WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final ClusterExtension CLUSTER = new ClusterExtension(3, "config,api");
  private final List<ClusterNode> nodes = CLUSTER.nodes();

  @Test
  void aPausedOwnerThatWakesUpCannotCommitOnItsStaleState() throws Exception {
    assumeTrue(ProcessProbe.available(), "needs Linux signals");
    RevisionLog revisions = new RevisionLog();
    ClusterNode paused = ClusterNode.owner(nodes);
    ClusterNode other = nodes.stream().filter(n -> n != paused).findFirst().orElseThrow();
    saw(revisions, paused.commit("{\"alarm_volume\": 30}", null));

    paused.pause();
    long pausedAt = System.nanoTime();
    FailoverClock clock = new FailoverClock();
    clock.killed();
    assertTrue(clock.probe(other, TAKEOVER_LIMIT), "no takeover within " + TAKEOVER_LIMIT);
    log.info("FIGURE paused owner: first probe commit {} ms after SIGSTOP", clock.probeFailover().toMillis());
    saw(revisions, commitEventually(other, "{\"alarm_volume\": 31}"));

    paused.resume();
    log.info("resumed {} after {} ms", paused.name, Duration.ofNanos(System.nanoTime() - pausedAt).toMillis());
    int acknowledged = 0;
    for (int i = 0; i < WAKE_COMMITS; i++) {
      try {
        HttpResponse<String> response = paused.patch("/api/config", "{\"sleep_volume\": " + i + "}", null);
        if (response.statusCode() == 200) {
          acknowledged++;
          saw(revisions, response);
        }
      } catch (IOException e) {
        // an ambiguous failure while the woken node finds out it was deposed
      }
    }
    long last = RevisionLog.revision(commitEventually(other, "{\"alarm_volume\": 32}"));
    awaitCaughtUpOrRejoin(paused, last);
    for (ClusterNode node : nodes) {
      HttpResponse<String> read = node.awaitRevision(last);
      saw(revisions, read);
      assertEquals(32, new JsonObject(read.body()).getInteger("alarm_volume"), node.name);
    }
    paused.awaitStoredRevision(last);
    assertEquals(List.of(), revisions.conflicts());
    log.info("the woken node acknowledged {} of {} commits; the cluster is at revision {}", acknowledged,
        WAKE_COMMITS, last);
  }

  /**
   * The woken node either follows the cluster, or, once Hazelcast merges it back under a new identity,
   * leaves with 75 so that its service manager restarts it as a clean standby (ClusterSetup): then do
   * what systemd would.
   */
  private static void awaitCaughtUpOrRejoin(ClusterNode woken, long revision) throws Exception {
    long deadline = System.nanoTime() + MERGE_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!woken.alive()) {
        assertEquals(75, woken.exitCode(), woken.log());
        log.info("{} left after the merge, as designed; restarting it", woken.name);
        woken.start();
        return;
      }
      if (storedRevision(woken) >= revision) {
        return; // its own copy followed the new owner's head
      }
      Thread.sleep(200);
    }
  }

  private static long storedRevision(ClusterNode node) {
    try {
      JsonObject file = new JsonObject(Files.readString(node.dataDir.resolve("development.json")));
      return file.getJsonObject("_meta").getLong("revision");
    } catch (IOException | RuntimeException e) {
      return -1; // not written yet, or being replaced
    }
  }

  /**
   * A commit that sets a value (so repeating it is harmless), repeated until acknowledged: right after
   * a takeover some requests still go to the deposed owner's event-bus registration and time out.
   */
  private static HttpResponse<String> commitEventually(ClusterNode node, String patch) throws Exception {
    long deadline = System.nanoTime() + TAKEOVER_LIMIT.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> response = node.patch("/api/config", patch, null);
        if (response.statusCode() == 200) {
          log.info("{} acknowledged at attempt {}", patch, attempt);
          return response;
        }
        assertEquals(503, response.statusCode(), response.body());
      } catch (IOException e) {
        // timed out: try again
      }
      assertTrue(System.nanoTime() < deadline, patch + " not acknowledged within " + TAKEOVER_LIMIT);
    }
  }

  private static void saw(RevisionLog revisions, HttpResponse<String> response) {
    revisions.saw(RevisionLog.revision(response), new JsonObject(response.body()));
  }
}
