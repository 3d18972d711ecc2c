package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.app.ChildJvm;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TCP event-bus bridge of one real node ({@code --bridge-port}, API token set), driven by a raw
 * socket that speaks the bridge's framing: the allow-list, the token check on commits, and the JSON
 * a non-JVM client gets for the owner's replies and change events.
 */
class BridgeTest {
  private static final String TOKEN = "bridge-test-token-0123456789";
  private static final Duration READ = Duration.ofSeconds(10);
  private static final int FRAMES = 20;

  static ClusterNode node;
  static int bridgePort;

  @BeforeAll
  static void start() throws Exception {
    bridgePort = ChildJvm.freePort();
    node = new ClusterNode("bridge", ClusterNode.runDir(BridgeTest.class), List.of("--verticles", "config,player,api",
        "--bridge-port", String.valueOf(bridgePort)), Map.of("SPOTIPI_API_TOKEN", TOKEN));
    node.start();
  }

  @AfterAll
  static void stop() throws Exception {
    node.destroy();
  }

  @Test
  void loadsTheConfigAndSeesTheChangeOfAnHttpCommit() throws Exception {
    try (BridgeClient client = new BridgeClient(bridgePort, READ)) {
      client.register("spotipi.config.changed");
      client.send("spotipi.config.load", "load-1", new JsonObject(), null);
      JsonObject loaded = client.readUntil("message", "load-1", FRAMES).getJsonObject("body");
      long revision = loaded.getLong("revision");
      assertNotNull(loaded.getJsonObject("config").getValue("alarm_volume"), loaded.encode());

      HttpResponse<String> patch = node.patch("/api/config", "{\"alarm_volume\": 33}", null);
      assertEquals(200, patch.statusCode(), patch.body());

      JsonObject changed = client.readUntil("message", "spotipi.config.changed", FRAMES).getJsonObject("body");
      assertEquals(revision + 1, changed.getLong("revision"), changed.encode());
      assertEquals(List.of("alarm_volume"), changed.getJsonArray("changedKeys").getList(), changed.encode());
    }
  }

  @Test
  void commitsOnlyWithTheToken() throws Exception {
    try (BridgeClient client = new BridgeClient(bridgePort, READ)) {
      JsonObject patch = new JsonObject().put("patch", new JsonObject().put("alarm_volume", 61));
      client.send("spotipi.config.commit", "no-token", patch, null);
      assertRefused(client.read());
      client.send("spotipi.config.commit", "wrong-token", patch, new JsonObject().put("token", TOKEN + "x"));
      assertRefused(client.read());
      assertFalse(node.get("/api/config/alarm_volume").body().contains("61"));

      client.send("spotipi.config.commit", "with-token", patch, new JsonObject().put("token", TOKEN));
      JsonObject committed = client.readUntil("message", "with-token", FRAMES).getJsonObject("body");
      assertEquals(61, committed.getJsonObject("config").getInteger("alarm_volume"), committed.encode());
      HttpResponse<String> read = node.get("/api/config/alarm_volume");
      assertEquals("\"" + committed.getLong("revision") + "\"", read.headers().firstValue("ETag").orElseThrow());
    }
  }

  @Test
  void refusesEveryAddressOutsideTheAllowList() throws Exception {
    try (BridgeClient client = new BridgeClient(bridgePort, READ)) {
      client.send("spotipi.config.backup.create", "backup", new JsonObject(), null);
      assertRefused(client.read());
      client.send("spotipi.alarm.trigger", "trigger", new JsonObject(), null);
      assertRefused(client.read());
      client.register("spotipi.config.commit");
      assertRefused(client.read());
      client.write(new JsonObject().put("type", "publish").put("address", "spotipi.config.invalidate"));
      assertRefused(client.read());
      // Still usable after the refusals: the connection is not dropped.
      client.send("spotipi.config.load", "load-2", new JsonObject(), null);
      assertTrue(client.readUntil("message", "load-2", FRAMES).getJsonObject("body").containsKey("config"));
    }
  }

  /** The internal state and the player hold secrets: none of their addresses crosses the bridge, token or not. */
  @Test
  void theInternalStateAndThePlayerNeverCrossTheBridge() throws Exception {
    JsonObject token = new JsonObject().put("token", TOKEN);
    try (BridgeClient client = new BridgeClient(bridgePort, READ)) {
      for (String section : List.of("scheduler", "spotify")) {
        client.send("spotipi.state.load", "state-load", new JsonObject().put("section", section), token);
        assertRefused(client.read());
      }
      for (String address : List.of("spotipi.spotify.status", "spotipi.spotify.credentials.put",
          "spotipi.spotify.credentials.delete", "spotipi.spotify.authorize", "spotipi.spotify.callback",
          "spotipi.player.devices", "spotipi.player.play", "spotipi.player.prepare")) {
        client.send(address, "player", new JsonObject().put("client_id", "x"), token);
        assertRefused(client.read());
      }
      client.send("spotipi.state.commit", "state-commit", new JsonObject().put("section", "scheduler")
          .put("value", new JsonObject()), token);
      assertRefused(client.read());
      client.register("spotipi.state.changed");
      assertRefused(client.read());
    }
  }

  @Test
  void aTakenBridgePortFailsTheStartAndNamesTheBridge() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ClusterNode clash = new ClusterNode("clash", ClusterNode.runDir(BridgeTest.class), List.of("--verticles",
          "config,api", "--bridge-port", String.valueOf(taken.getLocalPort())), Map.of());
      clash.launch();
      assertEquals(1, clash.exitCode(), clash.log());
      assertTrue(clash.log().contains("the event-bus bridge cannot listen on 127.0.0.1:" + taken.getLocalPort()),
          clash.log());
    }
  }

  private static void assertRefused(JsonObject frame) {
    assertEquals("err", frame.getString("type"), frame.encode());
    String message = frame.getString("message");
    assertTrue(message.equals("access_denied") || message.startsWith("blocked"), frame.encode());
  }
}
