package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.Recorded;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An alarm on three whole nodes (every verticle) connected to one fake Spotify: every node's scheduler
 * gets its player ready ahead of the instant and races for the occurrence; the speaker is told to play
 * once, by the winner, and the cluster asked the accounts service for one access token in all. It
 * waits for the next whole minute (alarm times have minute resolution), so well under a minute and a
 * quarter after the nodes serve.
 */
class SpotifyAlarmClusterTest {
  @RegisterExtension
  static final SpotifyCluster CLUSTER = new SpotifyCluster(3, "config,player,api,scheduler", false);
  private final FakeSpotify fake = CLUSTER.fake();
  private final List<ClusterNode> nodes = CLUSTER.nodes();

  @Test
  void theWinnerPlaysOnceAndTheClusterRefreshesTheTokenOnce() throws Exception {
    nodes.get(0).commit(new JsonObject().put("device_name", SpotifyCluster.SPEAKER)
        .put("playlist_uri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M").encode(), null);
    Instant occurrence = AlarmRounds.nextOccurrence();
    AlarmRounds.set(nodes.get(1), occurrence);

    List<String> playedBy = AlarmRounds.awaitPlays(nodes, occurrence);
    assertEquals(1, playedBy.size(), "claims won: " + playedBy);
    List<Recorded> plays = fake.requests("PUT", "/v1/me/player/play");
    assertEquals(1, plays.size(), "play requests");
    assertEquals(SpotifyCluster.SPEAKER_ID, plays.get(0).param("device_id"));
    assertEquals(1, fake.requests("POST", "/api/token").size(), "token requests in the whole cluster");

    // GET /api/alarm may be answered by any node's scheduler: the winner's says where it played, a
    // loser's who played it.
    for (ClusterNode node : nodes) {
      JsonObject last = new JsonObject(node.get("/api/alarm").body()).getJsonObject("last_fired");
      assertEquals(occurrence.toString(), last.getString("occurrence"), node + ": " + last);
      if (last.getString("outcome").equals("played")) {
        assertEquals("played on 'Kitchen' (exact name)", last.getString("detail"));
      } else {
        assertEquals("lost", last.getString("outcome"), node + ": " + last);
        assertTrue(last.getString("detail").startsWith("played by " + playedBy.get(0) + "/"), last.getString("detail"));
      }
    }
  }
}
