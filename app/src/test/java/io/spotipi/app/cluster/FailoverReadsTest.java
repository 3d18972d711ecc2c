package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.app.ChildJvm;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads through a failover and with no owner left, on three real nodes shaped so that every way of
 * answering a read is on a survivor: n1 runs every verticle; n2 no scheduler (it asks another node's
 * for the alarm status); n3 no config (it never owns the store, and is the node left when both owners
 * are gone). Bridges on n2 and n3. The owner is killed at a one-time alarm's firing instant, so the
 * schedulers' claims of it meet the failover. No Spotify account: the alarm fails to play, once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverReadsTest {
  private static final Logger log = LoggerFactory.getLogger(FailoverReadsTest.class);
  private static final String STALE = "SpotiPi-Stale";
  /**
   * Every GET route of ApiVerticle.routes, with a key that exists; the web app's pages by their first
   * (they are one handler), its hashed assets left out (static bytes, like the pages). Not here:
   * {@code /api/devices} asks Spotify (409 without an account, as here) and {@code GET
   * /api/spotify/callback} is where Spotify's redirect lands, not a read. Nor {@code /api/playback}
   * and {@code /api/library/...}: Spotify answers them through the node's player, not the config
   * owner, so here every node, owner or not, answers 409. The fake Spotify is not wired into these
   * nodes for them: the alarm killed at its instant would then really play, on a speaker the fake
   * would need, which changes what the claim test counts and adds the play sequence to the run
   * (SpotifyClusterTest runs nodes against the fake).
   */
  static final List<String> READ_ROUTES = List.of("/api/config", "/api/config/alarm_volume", "/api/config/schema",
      "/api/config/history", "/api/config/events", "/api/backups", "/api/thread-safety/status", "/api/alarm",
      "/api/sleep", "/api/spotify/status", "/healthz", "/readyz", "/metrics", "/");
  /** What a node answers from its own state, owner or not (the alarm with its snooze, the sleep timer). */
  static final List<String> LOCAL_READS = List.of("/api/config", "/api/config/alarm_volume", "/api/config/schema",
      "/api/config/events", "/api/alarm", "/api/sleep", "/api/spotify/status", "/healthz", "/metrics", "/");
  private static final List<String> OWNER_READS = List.of("/api/config/history", "/api/backups",
      "/api/thread-safety/status");
  private static final Duration FAILOVER_POLL = Duration.ofSeconds(15);
  private static final Duration NO_OWNER_POLL = Duration.ofSeconds(5);
  private static final Duration UNTIL_NOT_READY = Duration.ofSeconds(60);

  static int bridgeOfN2;
  static int bridgeOfN3;
  @RegisterExtension
  static final ClusterExtension CLUSTER = new ClusterExtension(3, "config,player,api,scheduler", nodes -> {
    bridgeOfN2 = ChildJvm.freePort();
    bridgeOfN3 = ChildJvm.freePort();
    nodes.get(1).addArgs("--verticles", "config,player,api", "--bridge-port", String.valueOf(bridgeOfN2));
    nodes.get(2).addArgs("--verticles", "player,api,scheduler", "--bridge-port", String.valueOf(bridgeOfN3));
  });
  static Instant occurrence;
  static ClusterNode firstOwner;

  @Test
  @Order(1)
  void everyReadOnTheSurvivorsIs200WhileTheOwnerDiesAtAFiringInstant() throws Exception {
    assertBridgeAnswersTheStatus(bridgeOfN2); // from another node's scheduler: n2 runs none
    occurrence = AlarmRounds.nextOccurrence();
    AlarmRounds.set(nodes().get(2), occurrence);
    firstOwner = AlarmRounds.killOwnerAt(nodes(), occurrence);
    log.info("killed the owner {} at the firing instant {}", firstOwner.name, occurrence);
    List<ClusterNode> survivors = live();

    ReadPoller.Outcome outcome = ReadPoller.poll(survivors, READ_ROUTES, FAILOVER_POLL);
    log.info("{} reads on {} during the failover, {} not 200", outcome.polls(), survivors, outcome.failures().size());
    assertEquals(List.of(), outcome.failures());
    assertBridgeAnswersTheStatus(bridgeOfN3);
    assertNotEquals(firstOwner.name, ClusterNode.owner(nodes()).name);
  }

  /** Issue 20: the claim, a compare-and-set of the owner's scheduler state, went through the failover once. */
  @Test
  @Order(2)
  void theOccurrenceClaimedThroughTheFailoverIsPlayedOnce() throws Exception {
    assertNotNull(occurrence, "needs the failover scenario");
    List<String> plays = AlarmRounds.awaitPlays(nodes(), occurrence);
    log.info("occurrence {} played by {}", occurrence, plays);
    assertEquals(1, plays.size(), "plays of " + occurrence + " with the owner killed at its instant: " + plays);
  }

  @Test
  @Order(3)
  void withNoOwnerLeftTheLastNodeAnswersWhatItKnowsMarkedStale() throws Exception {
    assertNotNull(firstOwner, "needs the failover scenario");
    ClusterNode.owner(nodes()).kill();
    List<ClusterNode> left = live();
    assertEquals(List.of(nodes().get(2)), left, "only n3, which cannot own the store, is left");
    ClusterNode n3 = left.get(0);
    HttpResponse<String> before = n3.get("/api/config");

    ReadPoller.Outcome outcome = ReadPoller.poll(left, LOCAL_READS, NO_OWNER_POLL);
    assertEquals(List.of(), outcome.failures());

    // Ready while a failover may still bring an owner; then not, and the node knows it has none.
    HttpResponse<String> ready = awaitNotReady(n3);
    assertUnavailable(ready, "/readyz");
    HttpResponse<String> config = n3.get("/api/config");
    assertEquals(200, config.statusCode(), config.body());
    assertEquals(before.headers().firstValue("ETag"), config.headers().firstValue("ETag"), "the last revision known");
    assertEquals(new JsonObject(before.body()), new JsonObject(config.body()));
    assertEquals("true", config.headers().firstValue(STALE).orElse(null), "a stale answer says so");
    HttpResponse<String> alarm = n3.get("/api/alarm");
    assertEquals(200, alarm.statusCode(), alarm.body());
    assertEquals("true", alarm.headers().firstValue(STALE).orElse(null));
    assertTrue(new JsonObject(alarm.body()).containsKey("snooze"), "with its snooze (none): " + alarm.body());
    assertEquals(false, new JsonObject(n3.get("/api/sleep").body()).getBoolean("active"), "the sleep timer (none)");
    assertBridgeAnswersTheStatus(bridgeOfN3);
    for (String path : OWNER_READS) {
      assertUnavailable(n3.get(path), path);
    }
    assertUnavailable(n3.send("PUT", "/api/alarm", "{\"enabled\": false}",
        Map.of("Content-Type", "application/merge-patch+json")), "a commit");
  }

  private static HttpResponse<String> awaitNotReady(ClusterNode node) throws Exception {
    long deadline = System.nanoTime() + UNTIL_NOT_READY.toNanos();
    HttpResponse<String> ready = node.get("/readyz");
    while (ready.statusCode() == 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      ready = node.get("/readyz");
    }
    return ready;
  }

  private static void assertUnavailable(HttpResponse<String> r, String what) {
    assertEquals(503, r.statusCode(), () -> what + ": " + r.body());
    assertEquals("1", r.headers().firstValue("Retry-After").orElse(null), what);
  }

  /** A bridge client's {@code spotipi.alarm.status} request gets the scheduler's status, not an error frame. */
  private static void assertBridgeAnswersTheStatus(int port) throws IOException {
    try (BridgeClient bridge = new BridgeClient(port, Duration.ofSeconds(15))) {
      bridge.send("spotipi.alarm.status", "status", new JsonObject(), null);
      JsonObject frame = bridge.read();
      assertEquals("message", frame.getString("type"), frame.encode());
      assertTrue(frame.getJsonObject("body").containsKey("next_fire"), frame.encode());
    }
  }

  private static List<ClusterNode> nodes() {
    return CLUSTER.nodes();
  }

  private static List<ClusterNode> live() {
    return nodes().stream().filter(ClusterNode::alive).toList();
  }
}
