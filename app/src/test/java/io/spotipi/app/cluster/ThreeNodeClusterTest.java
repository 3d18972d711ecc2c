package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spotipi.app.ChildJvm;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real nodes ({@code config,api,scheduler} each, a bridge on n1) on loopback, shared by the
 * scenarios in order: Hazelcast is there, replicated reads and commits on any node, one alarm played
 * once, SIGKILL of the owner under 16 committing clients, a stale ETag after
 * the failover, the killed node rejoining as a standby, and a full cluster restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeClusterTest {
  private static final Logger log = LoggerFactory.getLogger(ThreeNodeClusterTest.class);
  private static final int CLIENTS = 16;
  /** Load before the kill, and after the first commit of the new owner. */
  private static final Duration STEADY_LOAD = Duration.ofSeconds(3);
  /** The bound: commits succeed again within 10 s; the test waits longer before failing. */
  private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);
  private static final int MAX_ATTEMPTS_PER_CLIENT = 5_000;

  static int bridgePort;
  @RegisterExtension
  static final ClusterExtension CLUSTER = new ClusterExtension(3, "config,api,scheduler", nodes -> {
    bridgePort = ChildJvm.freePort();
    nodes.get(0).addArgs("--bridge-port", String.valueOf(bridgePort));
  });
  /** ETag of a document read before the failover: must get 412 after it. */
  static String etagBeforeFailover;
  static ClusterNode killed;

  @Test
  @Order(0)
  void aClusterNodeRunsHazelcastAndListensBeyondHttp() throws Exception {
    assumeTrue(ProcessProbe.available(), "needs Linux /proc");
    ClusterNode node = nodes().get(1);
    assertTrue(ProcessProbe.threadNames(node.pid()).stream().anyMatch(t -> t.startsWith("hz.")));
    // HTTP, Hazelcast and the event bus (the control for SingleNodeDefaultTest's probe).
    assertTrue(ProcessProbe.listeningPorts(node.pid()).size() >= 3, ProcessProbe.listeningPorts(node.pid())::toString);
  }

  @Test
  @Order(1)
  void aCommitOnOneNodeIsReadOnTheOthersAndEveryNodeAcceptsCommits() throws Exception {
    HttpResponse<String> first = nodes().get(0).commit("{\"alarm_volume\": 21}", null);
    long revision = RevisionLog.revision(first);
    HttpResponse<String> onC = nodes().get(2).awaitRevision(revision);
    assertEquals(21, new JsonObject(onC.body()).getInteger("alarm_volume"), onC.body());
    HttpResponse<String> notModified = nodes().get(2).send("GET", "/api/config", null,
        Map.of("If-None-Match", "\"" + revision + "\""));
    assertEquals(304, notModified.statusCode());

    for (ClusterNode node : nodes()) {
      HttpResponse<String> patch = node.commit("{\"device_name\": \"" + node.name + "\"}", "\"" + revision + "\"");
      assertEquals(revision + 1, RevisionLog.revision(patch), patch.body());
      revision++;
    }
    for (ClusterNode node : nodes()) {
      assertEquals("n3", new JsonObject(node.awaitRevision(revision).body()).getString("device_name"));
    }
    etagBeforeFailover = "\"" + revision + "\"";
  }

  /** n1's bridge relays the owner's change events and load replies (records, wherever the owner is) as JSON. */
  @Test
  @Order(2)
  void theBridgeOfOneNodeRelaysTheClusterChangesAsJson() throws Exception {
    try (BridgeClient bridge = new BridgeClient(bridgePort, Duration.ofSeconds(10))) {
      bridge.register("spotipi.config.changed");
      bridge.send("spotipi.config.load", "before", new JsonObject(), null);
      long before = bridge.readUntil("message", "before", 10).getJsonObject("body").getLong("revision");
      long revision = RevisionLog.revision(nodes().get(2).commit("{\"sleep_volume\": 23}", null));
      JsonObject changed = bridge.readUntil("message", "spotipi.config.changed", 10).getJsonObject("body");
      assertEquals(revision, changed.getLong("revision"), changed.encode());
      assertEquals(before + 1, revision);
      assertEquals(List.of("sleep_volume"), changed.getJsonArray("changedKeys").getList());
    }
  }

  /**
   * Three schedulers, one one-time alarm: exactly one node plays it, and the bridge of a node (not
   * necessarily the player's) relays exactly one {@code spotipi.alarm.fired} for it.
   */
  @Test
  @Order(3)
  void anAlarmIsPlayedByExactlyOneOfThreeSchedulers() throws Exception {
    try (BridgeClient bridge = new BridgeClient(bridgePort, Duration.ofSeconds(1))) {
      bridge.register("spotipi.alarm.fired");
      Instant occurrence = AlarmRounds.nextOccurrence();
      AlarmRounds.set(nodes().get(2), occurrence);
      List<String> plays = AlarmRounds.awaitPlays(nodes(), occurrence);
      assertEquals(1, plays.size(), "plays of " + occurrence + ": " + plays);
      log.info("occurrence {} played by {}", occurrence, plays);
      assertEquals(1, firedFrames(bridge, occurrence), "spotipi.alarm.fired frames for " + occurrence);
    }
  }

  @Test
  @Order(4)
  void killingTheOwnerUnderLoadLosesAndDoublesNoAcknowledgedIncrement() throws Exception {
    ClusterNode owner = ClusterNode.owner(nodes());
    List<ClusterNode> others = nodes().stream().filter(n -> n != owner).toList();
    RevisionLog revisions = new RevisionLog();
    AtomicBoolean stop = new AtomicBoolean();
    FailoverClock clock = new FailoverClock();
    List<IncrementClient> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      IncrementClient client = new IncrementClient(others.get(i % others.size()), String.format("counter_%02d", i),
          revisions, stop, clock, MAX_ATTEMPTS_PER_CLIENT);
      clients.add(client);
      Thread thread = new Thread(client, "increment-" + i);
      thread.start();
      threads.add(thread);
    }
    try {
      Thread.sleep(STEADY_LOAD.toMillis());
      clock.killed();
      owner.kill();
      killed = owner;
      log.info("killed the owner {} (pid {}) under load", owner.name, owner.pid());
      assertTrue(clock.probe(others.get(0), FAILOVER_LIMIT), "no commit succeeded within " + FAILOVER_LIMIT);
      log.info("FIGURE failover: first probe commit {} ms after SIGKILL of the owner (probing every {} ms)",
          clock.probeFailover().toMillis(), FailoverClock.PROBE_EVERY.toMillis());
      long deadline = System.nanoTime() + FAILOVER_LIMIT.toNanos();
      while (clock.clientFailover() == null && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertNotNull(clock.clientFailover(), "no client committed within " + FAILOVER_LIMIT + " after the probe");
      Thread.sleep(STEADY_LOAD.toMillis());
    } finally {
      stop.set(true);
      for (Thread thread : threads) {
        thread.join(Duration.ofSeconds(30).toMillis());
      }
    }

    JsonObject last = settledDocument(others);
    int acknowledged = 0;
    int ambiguous = 0;
    for (IncrementClient client : clients) {
      assertNull(client.failure(), () -> client.key() + " failed: " + client.failure());
      int value = last.getInteger(client.key(), 0);
      assertEquals(client.expected(value), value, client.key() + ": acknowledged " + client.acknowledgedCount()
          + ", ambiguous " + client.ambiguousCount());
      acknowledged += client.acknowledgedCount();
      ambiguous += client.ambiguousCount();
    }
    assertTrue(acknowledged > CLIENTS, "too little load to mean anything: " + acknowledged + " commits");
    assertEquals(List.of(), revisions.conflicts());
    log.info("FIGURE failover load: {} acknowledged increments, {} ambiguous failures, {} revisions seen, "
        + "first client commit {} ms after the kill", acknowledged, ambiguous, revisions.size(),
        clock.clientFailover().toMillis());
    assertNotEquals(killed.name, ClusterNode.owner(nodes()).name);
  }

  @Test
  @Order(5)
  void aStaleEtagFromBeforeTheFailoverGets412() throws Exception {
    assertNotNull(etagBeforeFailover, "needs the first scenario");
    ClusterNode live = live().get(0);
    HttpResponse<String> stale = live.patch("/api/config", "{\"alarm_volume\": 99}", etagBeforeFailover);
    assertEquals(412, stale.statusCode(), stale.body());
    assertNotEquals(99, new JsonObject(live.get("/api/config").body()).getInteger("alarm_volume"));
  }

  @Test
  @Order(6)
  void theKilledNodeRejoinsAsAStandbyAndItsDataDirCatchesUp() throws Exception {
    assertNotNull(killed, "needs the failover scenario");
    ClusterNode owner = ClusterNode.owner(nodes());
    killed.start();
    HttpResponse<String> patch = owner.commit("{\"alarm_volume\": 57}", null);
    long revision = RevisionLog.revision(patch);
    killed.awaitStoredRevision(revision);
    killed.awaitRevision(revision);
    assertEquals(owner.name, ClusterNode.owner(nodes()).name, "the rejoined node must not take over");
  }

  @Test
  @Order(7)
  void aFullClusterRestartKeepsTheNewestRevision() throws Exception {
    HttpResponse<String> patch = nodes().get(1).commit("{\"alarm_volume\": 64}", null);
    long revision = RevisionLog.revision(patch);
    JsonObject newest = new JsonObject(patch.body());
    for (ClusterNode node : nodes()) {
      node.stop();
    }
    ClusterNode.startAll(nodes());
    for (ClusterNode node : nodes()) {
      HttpResponse<String> read = node.awaitRevision(revision);
      assertEquals(revision, RevisionLog.revision(read), node + " " + read.body());
      assertEquals(newest, new JsonObject(read.body()), node.name);
    }
    HttpResponse<String> next = nodes().get(0).commit("{\"alarm_volume\": 65}", "\"" + revision + "\"");
    assertEquals(revision + 1, RevisionLog.revision(next));
  }

  /** The fired events for {@code occurrence} among the frames the bridge has relayed so far. */
  private static int firedFrames(BridgeClient bridge, Instant occurrence) throws IOException {
    int count = 0;
    while (true) {
      JsonObject frame;
      try {
        frame = bridge.read();
      } catch (SocketTimeoutException e) {
        return count;
      }
      JsonObject body = frame.getJsonObject("body");
      if ("spotipi.alarm.fired".equals(frame.getString("address")) && body != null
          && occurrence.toString().equals(body.getString("occurrence"))) {
        count++;
      }
    }
  }

  private static List<ClusterNode> nodes() {
    return CLUSTER.nodes();
  }

  private static List<ClusterNode> live() {
    return nodes().stream().filter(ClusterNode::alive).toList();
  }

  /** The document once every given node serves the same revision (the clients have stopped). */
  private static JsonObject settledDocument(List<ClusterNode> readers) throws Exception {
    HttpResponse<String> newest = null;
    for (ClusterNode node : readers) {
      HttpResponse<String> read = node.get("/api/config");
      if (newest == null || RevisionLog.revision(read) > RevisionLog.revision(newest)) {
        newest = read;
      }
    }
    long revision = RevisionLog.revision(newest);
    for (ClusterNode node : readers) {
      assertEquals(new JsonObject(newest.body()), new JsonObject(node.awaitRevision(revision).body()), node.name);
    }
    return new JsonObject(newest.body());
  }
}
