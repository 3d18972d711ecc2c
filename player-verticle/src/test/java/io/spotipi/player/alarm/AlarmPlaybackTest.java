package io.spotipi.player.alarm;

import io.spotipi.shared.message.PlayOutcome;
import static io.spotipi.player.alarm.Alarms.DEVICES;
import static io.spotipi.player.alarm.Alarms.PLAY;
import static io.spotipi.player.alarm.Alarms.PLAYER;
import static io.spotipi.player.alarm.Alarms.PLAYLIST;
import static io.spotipi.player.alarm.Alarms.PLAYLIST_ID;
import static io.spotipi.player.alarm.Alarms.TRACK;
import static io.spotipi.player.alarm.Alarms.VOLUME;
import static io.spotipi.player.alarm.Alarms.fadeEnds;
import static io.spotipi.player.alarm.Alarms.firstIndex;
import static io.spotipi.player.alarm.Alarms.play;
import static io.spotipi.player.alarm.Alarms.spec;
import static io.spotipi.player.alarm.Alarms.volumes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.Recorded;
import io.spotipi.player.fake.Rig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The play sequence when things go as they should, or nearly, against the fake over loopback. */
@ExtendWith(VertxExtension.class)
class AlarmPlaybackTest {
  private Rig rig;

  @BeforeEach
  void start(Vertx vertx) {
    rig = Rig.start(vertx, Clock.systemUTC());
    rig.connect(false);
    rig.fake.player().library().playlist(PLAYLIST_ID, "Morning", 30);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void transferThenFirstVolumeThenPlayThenTheFadeUpToTheTarget() {
    rig.fake.player().device("k1", "Kitchen");
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "kitchen", 12, true, false));
    assertEquals(PlayOutcome.played("2026-12-01T06:00:00Z", "k1", "Kitchen", "played on 'Kitchen' (exact name)"),
        outcome);
    fadeEnds(rig);
    assertEquals(List.of(0, 0, 5, 10, 12), volumes(rig));
    assertEquals(12, rig.fake.player().volume("k1"));
    List<Recorded> all = rig.fake.requests();
    int transfer = firstIndex(all, "PUT", PLAYER);
    int volume = firstIndex(all, "PUT", VOLUME);
    int play = firstIndex(all, "PUT", PLAY);
    assertTrue(firstIndex(all, "GET", DEVICES) < transfer && transfer < volume && volume < play, all.toString());
    assertEquals(new JsonObject().put("device_ids", new JsonArray().add("k1")).put("play", false),
        new JsonObject(all.get(transfer).body()));
    assertEquals(new JsonObject().put("context_uri", PLAYLIST), new JsonObject(all.get(play).body()));
    assertEquals("k1", all.get(play).param("device_id"));
    assertTrue(rig.fake.player().playing());
    assertEquals(1, rig.fake.requests("PUT", PLAY).size());
  }

  @Test
  void aTrackPlaysAsUrisAndWithoutFadeAtTheTargetAtOnce() {
    rig.fake.player().device("k1", "Kitchen");
    assertTrue(play(rig, spec(TRACK, "Kitchen", 40, false, false)).played());
    fadeEnds(rig);
    assertEquals(new JsonArray().add(TRACK), rig.fake.player().uris());
    assertEquals(List.of(40, 40), volumes(rig));
  }

  @Test
  void shuffleStartsAtARandomPositionAndTurnsShuffleOnAfterTheStart() {
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.player().library().developmentMode(true);
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 30, false, true)).played());
    int offset = rig.fake.player().offset();
    assertTrue(offset >= 0 && offset < 30, "offset " + offset);
    assertTrue(rig.fake.player().shuffle());
    List<Recorded> all = rig.fake.requests();
    assertTrue(firstIndex(all, "PUT", PLAY) < firstIndex(all, "PUT", "/v1/me/player/shuffle"));
  }

  @Test
  void aTransferThatShowsLateIsWaitedForBeforeVolumeAndPlay() {
    rig.fake.player().device("k1", "Kitchen").activationLag(3);
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 20, false, false)).played());
    List<Recorded> all = rig.fake.requests();
    long looks = all.subList(firstIndex(all, "PUT", PLAYER), firstIndex(all, "PUT", VOLUME)).stream()
        .filter(r -> r.is("GET", PLAYER)).count();
    assertEquals(4, looks, "three looks still showed no active device (204), the fourth showed it");
  }

  @Test
  void aPlayThatShowsLateIsConfirmedWithoutASecondPlay() {
    rig.fake.player().device("k1", "Kitchen").playLag(3);
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 20, false, false)).played());
    assertEquals(1, rig.fake.requests("PUT", PLAY).size());
  }

  @Test
  void preparedAheadTheInstantNeedsNoTokenRequestAndNoDeviceLookup() {
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.player().library().playlist(PLAYLIST_ID, "Morning", 30);
    var alarm = spec(PLAYLIST, "Kitchen", 20, true, true);
    rig.on(() -> rig.services.alarms().prepare("2026-12-01T06:00:00Z", alarm));
    assertEquals(1, rig.fake.requests("GET", "/v1/playlists/" + PLAYLIST_ID).size());
    rig.fake.clearRequests();
    assertTrue(play(rig, alarm).played());
    List<Recorded> all = rig.fake.requests();
    assertEquals("PUT " + PLAYER, all.get(0).method() + " " + all.get(0).path());
    assertEquals(0, rig.fake.requests("POST", "/api/token").size());
    assertEquals(0, rig.fake.requests("GET", DEVICES).size());
    assertEquals(0, rig.fake.requests("GET", "/v1/playlists/" + PLAYLIST_ID).size());
  }

  @Test
  void withoutAPlaylistItResumesWhatTheDeviceLastPlayed() {
    rig.fake.player().device("k1", "Kitchen");
    PlayOutcome outcome = play(rig, spec("", "Kitchen", 20, false, false));
    assertTrue(outcome.played());
    assertTrue(outcome.detail().contains("resumed the last playback"), outcome.detail());
    assertEquals(new JsonObject(), new JsonObject(rig.fake.requests("PUT", PLAY).get(0).body()));
  }

  @Test
  void anIdleSpeakerMissingFromTheListIsWokenByItsLastKnownId() {
    rig.fake.player().device("k1", "Kitchen").neverListed();
    rig.lastKnownDevices.put("Kitchen", "k1");
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "kitchen", 20, false, false));
    assertEquals("k1", outcome.deviceId());
    assertTrue(outcome.detail().contains("last known id"), outcome.detail());
  }

  @Test
  void aDeviceThatAppearsLateIsFoundOnALaterLook() {
    rig.fake.player().device("k1", "Kitchen").listedFrom(2);
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 20, false, false));
    assertEquals("k1", outcome.deviceId());
    assertEquals(3, rig.fake.requests("GET", DEVICES).size());
  }

  @Test
  void aWakingDeviceThatAnswers404ButPlaysIsNotToldTwice() {
    rig.fake.player().device("k1", "Kitchen").notFoundButPlays(1);
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 20, false, false)).played());
    assertEquals(1, rig.fake.requests("PUT", PLAY).size());
  }

  @Test
  void aDeviceThatRefusesVolumePlaysWithoutTheFade() {
    rig.fake.player().device("k1", "Kitchen").refusesVolume();
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 50, true, false));
    assertTrue(outcome.played());
    assertTrue(outcome.detail().contains("refuses volume control"), outcome.detail());
    fadeEnds(rig);
    assertEquals(1, volumes(rig).size());
    assertTrue(rig.fake.player().playing());
  }

  @Test
  void aDeviceListedWithoutVolumeGetsNoVolumeCommand() {
    rig.fake.player().device("t1", "TV").withoutVolume();
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "TV", 50, true, false));
    assertTrue(outcome.played());
    fadeEnds(rig);
    assertEquals(List.of(), volumes(rig));
  }

  @Test
  void anAccessTokenThatExpiresMidFadeIsRefreshedAndTheFadeGoesOn() {
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.effect("PUT", VOLUME, rig.fake.accounts()::expireAccessTokens).after(3));
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 20, true, false)).played());
    fadeEnds(rig);
    assertEquals(20, rig.fake.player().volume("k1"));
    assertEquals(2, rig.fake.requests("POST", "/api/token").size());
    assertEquals(List.of(0, 0, 5, 10, 10, 15, 20), volumes(rig), "the expired step was sent again once");
  }

  @Test
  void theFadeStopsWhenTheUserPauses() {
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.effect("PUT", VOLUME, rig.fake.player()::pauseByUser).after(3));
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 50, true, false)).played());
    fadeEnds(rig);
    assertEquals(List.of(0, 0, 5, 10), volumes(rig));
    assertFalse(rig.fake.player().playing());
  }

  @Test
  void theFadeStopsWhenTheUserTurnsTheVolumeUp() {
    rig.fake.player().device("k1", "Kitchen");
    // Two looks belong to the transfer and the play; the fade's second look finds the user's volume.
    rig.fake.fault(Fault.effect("GET", PLAYER, () -> rig.fake.player().volumeByUser("k1", 80)).after(3));
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 50, true, false)).played());
    fadeEnds(rig);
    assertEquals(80, rig.fake.player().volume("k1"));
    assertEquals(List.of(0, 0, 5), volumes(rig));
  }
}
