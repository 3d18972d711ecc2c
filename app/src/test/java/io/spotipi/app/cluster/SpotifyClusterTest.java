package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.FakeSpotify;
import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three nodes' players pointed at one fake Spotify in this JVM, which rotates the refresh token on
 * every refresh (as with PKCE, where a spent one is refused): the nodes asked for devices at once
 * make one token request for the whole cluster, a rotation on one node is what the others use next,
 * and every node's copy of the credentials is owner-only. Each node is asked through its own
 * {@code GET /api/devices?refresh=true}, which its own player answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpotifyClusterTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @RegisterExtension
  static final SpotifyCluster CLUSTER = new SpotifyCluster(3, "config,player,api", true);
  private final FakeSpotify fake = CLUSTER.fake();
  private final String firstToken = CLUSTER.firstToken();
  private final List<ClusterNode> nodes = CLUSTER.nodes();

  private static CompletableFuture<HttpResponse<String>> devices(ClusterNode node) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort
        + "/api/devices?refresh=true"))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertListsTheSpeaker(ClusterNode node, HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), node + ": " + answer.body() + "\n" + node.log());
    assertEquals("Kitchen", new JsonArray(answer.body()).getJsonObject(0).getString("name"));
  }

  private List<String> refreshTokensAsked() {
    return fake.requests("POST", "/api/token").stream()
        .map(r -> r.body().replaceAll(".*refresh_token=([^&]+).*", "$1")).toList();
  }

  @Test
  @Order(1)
  void everyNodeAskingAtOnceMakesOneTokenRequest() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (ClusterNode node : nodes) {
      answers.add(devices(node));
    }
    for (int i = 0; i < nodes.size(); i++) {
      assertListsTheSpeaker(nodes.get(i), answers.get(i).get());
    }
    assertEquals(List.of(firstToken), refreshTokensAsked());
  }

  @Test
  @Order(2)
  void aRotationOnOneNodeIsWhatTheOthersUse() throws Exception {
    String rotated = fake.accounts().latestRefreshToken();
    fake.accounts().expireAccessTokens();
    assertListsTheSpeaker(nodes.get(1), devices(nodes.get(1)).get());
    assertListsTheSpeaker(nodes.get(2), devices(nodes.get(2)).get());
    assertListsTheSpeaker(nodes.get(0), devices(nodes.get(0)).get());
    assertEquals(List.of(firstToken, rotated), refreshTokensAsked(), "no node went back to a spent token");
  }

  @Test
  @Order(3)
  void everyNodesCopyOfTheCredentialsIsTheOwnersAlone() throws Exception {
    String latest = fake.accounts().latestRefreshToken();
    for (ClusterNode node : nodes) {
      Path state = node.dataDir.resolve("development.state.json");
      long deadline = System.nanoTime() + ClusterNode.CONVERGE.toNanos();
      while (!(Files.exists(state) && Files.readString(state).contains(latest)) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(Files.readString(state).contains(latest), node + " holds the newest refresh token");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)), node.toString());
      assertTrue(!Files.readString(node.dataDir.resolve("development.json")).contains(latest), node.toString());
    }
  }
}
