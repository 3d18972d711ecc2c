package io.spotipi.player.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.Rig;
import io.spotipi.player.fake.Recorded;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Web API client against the fake, over real HTTP on loopback. */
@ExtendWith(VertxExtension.class)
class SpotifyClientTest {
  private Rig rig;
  private SpotifyClient spotify;

  @BeforeEach
  void start(Vertx vertx) {
    rig = Rig.start(vertx, Clock.systemUTC());
    rig.connect(false);
    spotify = rig.services.spotify();
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.player().device("l1", "Living Room").withoutVolume();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private SpotifyError failure(java.util.function.Supplier<io.vertx.core.Future<?>> call) {
    Throwable err = Await.failure(rig.call(() -> call.get().map(x -> (Object) x)));
    return assertInstanceOf(SpotifyException.class, err).error();
  }

  @Test
  void devicesAreParsedWithTheirFlags() {
    List<Device> devices = rig.on(() -> spotify.devices());
    assertEquals(List.of(new Device("k1", "Kitchen", "Speaker", false, false, 30, true),
        new Device("l1", "Living Room", "Speaker", false, false, null, false)), devices);
  }

  @Test
  void nothingPlayingIs204AndEmpty() {
    assertEquals(Optional.empty(), rig.on(() -> spotify.playback()));
  }

  @Test
  void transferPlayVolumeShuffleAndTheirRequests() {
    rig.on(() -> spotify.transfer("k1", false));
    rig.on(() -> spotify.volume("k1", 15));
    SpotifyUri playlist = SpotifyUri.parse("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
    rig.fake.player().library().playlist("37i9dQZF1DXcBWIGoYBM5M", "Morning", 40);
    rig.on(() -> spotify.play("k1", new PlayRequest(playlist, 7)));
    rig.on(() -> spotify.shuffle("k1", true));
    PlaybackState state = rig.on(() -> spotify.playback()).orElseThrow();
    assertTrue(state.playingOn("k1"));
    assertEquals("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", state.contextUri());
    assertTrue(state.shuffle());
    assertEquals(15, state.volume());
    assertEquals(7, rig.fake.player().offset());

    Recorded transfer = rig.fake.requests("PUT", "/v1/me/player").get(0);
    assertEquals(new JsonObject().put("device_ids", new JsonArray().add("k1")).put("play", false),
        new JsonObject(transfer.body()));
    Recorded volume = rig.fake.requests("PUT", "/v1/me/player/volume").get(0);
    assertEquals("15", volume.param("volume_percent"));
    assertEquals("k1", volume.param("device_id"));
    assertEquals("k1", rig.fake.requests("PUT", "/v1/me/player/play").get(0).param("device_id"));
    assertEquals("true", rig.fake.requests("PUT", "/v1/me/player/shuffle").get(0).param("state"));
  }

  @Test
  void pauseNextPrevious() {
    rig.on(() -> spotify.play("k1", new PlayRequest(SpotifyUri.parse("spotify:track:4uLU6hMCjMI75M1A2tKUQC"), null)));
    assertEquals(new JsonArray().add("spotify:track:4uLU6hMCjMI75M1A2tKUQC"), rig.fake.player().uris());
    rig.on(() -> spotify.next("k1"));
    rig.on(() -> spotify.previous("k1"));
    rig.on(() -> spotify.pause("k1"));
    assertFalse(rig.fake.player().playing());
    assertEquals(1, rig.fake.requests("POST", "/v1/me/player/next").size());
    assertEquals(1, rig.fake.requests("POST", "/v1/me/player/previous").size());
  }

  @Test
  void trackCountsOfPlaylistsInBothShapesAndAlbums() {
    rig.fake.player().library().playlist("p1", "One", 12).album("a1", 9);
    assertEquals(12, rig.on(() -> spotify.trackCount(SpotifyUri.parse("spotify:playlist:p1"))));
    rig.fake.player().library().developmentMode(true);
    assertEquals(12, rig.on(() -> spotify.trackCount(SpotifyUri.parse("spotify:playlist:p1"))));
    assertEquals(9, rig.on(() -> spotify.trackCount(SpotifyUri.parse("spotify:album:a1"))));
    assertEquals(404, failure(() -> spotify.trackCount(SpotifyUri.parse("spotify:playlist:nope"))).status());
  }

  @Test
  void pagedReadsFollowNextUpToTheLimit() {
    for (int i = 0; i < 7; i++) {
      rig.fake.player().library().playlist("p" + i, "List " + i, i);
    }
    List<JsonObject> all = rig.on(() -> spotify.getAll("/v1/me/playlists", Map.of("limit", "3"), 100));
    assertEquals(7, all.size());
    assertEquals("List 6", all.get(6).getString("name"));
    assertEquals(3, rig.fake.requests("GET", "/v1/me/playlists").size());
    rig.fake.clearRequests();
    assertEquals(4, rig.on(() -> spotify.getAll("/v1/me/playlists", Map.of("limit", "3"), 4)).size());
    assertEquals(2, rig.fake.requests("GET", "/v1/me/playlists").size());
  }

  @Test
  void a401RefreshesOnceAndRetriesOnce() {
    rig.on(() -> spotify.devices());
    String first = rig.fake.requests("GET", "/v1/me/player/devices").get(0).bearer();
    rig.fake.accounts().expireAccessTokens();
    assertEquals(2, rig.on(() -> spotify.devices()).size());
    List<Recorded> calls = rig.fake.requests("GET", "/v1/me/player/devices");
    assertEquals(3, calls.size());
    assertEquals(first, calls.get(1).bearer());
    assertNotEquals(first, calls.get(2).bearer());
    assertEquals(2, rig.fake.requests("POST", "/api/token").size());
  }

  @Test
  void aSecond401IsAFailureNotALoop() {
    rig.fake.fault(Fault.status("GET", "/v1/me/player/devices", 401, null).times(5));
    assertEquals(401, failure(() -> spotify.devices()).status());
    assertEquals(2, rig.fake.requests("GET", "/v1/me/player/devices").size());
    assertEquals(2, rig.fake.requests("POST", "/api/token").size());
  }

  @Test
  void errorsAreTyped() {
    rig.fake.fault(Fault.tooManyRequests("PUT", "/v1/me/player", 17));
    SpotifyError limited = failure(() -> spotify.transfer("k1", false));
    assertEquals(429, limited.status());
    assertEquals(17L, limited.retryAfterSeconds());
    rig.fake.fault(Fault.status("PUT", "/v1/me/player", 502, null));
    assertEquals(502, failure(() -> spotify.transfer("k1", false)).status());
    SpotifyError refused = failure(() -> spotify.volume("l1", 10));
    assertEquals(403, refused.status());
    assertTrue(refused.isReason("VOLUME_CONTROL_DISALLOW"));
    assertEquals(404, failure(() -> spotify.transfer("gone", false)).status());
  }

  @Test
  void droppedConnectionsAndTimeoutsAreConnectionErrors() {
    rig.fake.fault(Fault.drop("GET", "/v1/me/player"));
    assertEquals(SpotifyError.Kind.CONNECTION, failure(() -> spotify.playback()).kind());
    rig.on(() -> spotify.devices()); // a token first: the short timeout is for the player call
    SpotifyClient impatient = new SpotifyClient(rig.services.web(), rig.fake.url(), Duration.ofMillis(300),
        rig.services.tokens());
    rig.fake.fault(Fault.delay("GET", "/v1/me/player", 60_000));
    SpotifyError timedOut = failure(() -> impatient.playback());
    assertEquals(SpotifyError.Kind.CONNECTION, timedOut.kind());
    assertTrue(timedOut.message().contains("timeout"), timedOut.message());
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowed() {
    rig.fake.player().library().playlist("p0", "First", 1).playlist("p1", "Second", 1)
        .nextLinksTo("http://127.0.0.2:9");
    List<JsonObject> read = rig.on(() -> spotify.getAll("/v1/me/playlists", Map.of("limit", "1"), 10));
    assertEquals(List.of("First"), read.stream().map(p -> p.getString("name")).toList());
  }
}
