package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Full-cluster restarts while one node is away ({@code mvn -Ptorture verify}): a node whose copy is
 * older but carries a higher epoch (it was last in a cluster that had a failover) must not win over
 * the newer revisions committed while it was down, after the epoch counter started again.
 */
@Tag("torture")
class RestartWithAMissingNodeTortureTest {
  @RegisterExtension
  static final ClusterExtension CLUSTER = new ClusterExtension(3, "config,api");
  private final List<ClusterNode> nodes = CLUSTER.nodes();

  @Test
  void theNewestRevisionSurvivesARestartWithANodeThatWasAway() throws Exception {
    // A failover raises the epoch; the killed node rejoins and mirrors the head (epoch 2).
    ClusterNode owner = ClusterNode.owner(nodes);
    owner.kill();
    ClusterNode.owner(nodes).awaitServing();
    ClusterNode.owner(nodes).commit("{\"alarm_volume\": 11}", null);
    owner.start();
    ClusterNode current = ClusterNode.owner(nodes);
    ClusterNode away = nodes.stream().filter(n -> n != current).findFirst().orElseThrow();
    long before = RevisionLog.revision(away.commit("{\"alarm_volume\": 12}", null));
    away.awaitStoredRevision(before);

    // One node goes away; the other two restart (a fresh Hazelcast: the epoch counter starts again)
    // and commit more.
    away.stop();
    List<ClusterNode> rest = nodes.stream().filter(n -> n != away).toList();
    for (ClusterNode node : rest) {
      node.stop();
    }
    ClusterNode.startAll(rest);
    HttpResponse<String> newest = rest.get(0).commit("{\"alarm_volume\": 13}", null);
    long revision = RevisionLog.revision(newest);

    // Everybody stops, the owner last (no takeover raises the epoch again), everybody starts: the
    // newest revision must win over the away node's older one of a higher epoch.
    ClusterNode restOwner = ClusterNode.owner(rest);
    for (ClusterNode node : rest) {
      if (node != restOwner) {
        node.stop();
      }
    }
    restOwner.stop();
    ClusterNode.startAll(nodes);
    for (ClusterNode node : nodes) {
      HttpResponse<String> read = node.get("/api/config");
      assertEquals(revision, RevisionLog.revision(read), node + " serves " + read.body());
      assertEquals(13, new JsonObject(read.body()).getInteger("alarm_volume"), node.name);
    }
  }
}
