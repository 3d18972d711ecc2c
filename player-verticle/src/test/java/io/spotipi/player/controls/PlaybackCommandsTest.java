package io.spotipi.player.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.Fault;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.ControlDone;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.PlaybackCommand;
import io.spotipi.shared.message.PlaybackStatus;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Playback commands through the player's addresses, against the fake Spotify, and how each failure maps. */
class PlaybackCommandsTest extends StackTest {
  static final String PLAYLIST = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";
  static final String TRACK = "spotify:track:4uLU6hMCjMI75M1A2tKUQC";
  static final String PLAY = "/v1/me/player/play";

  @BeforeEach
  void prepare() {
    stack.fake.player().library().playlist("37i9dQZF1DXcBWIGoYBM5M", "Morning", 30);
  }

  private ControlDone play(PlayCommand command) {
    return Await.result(stack.controls.play(command));
  }

  private ControlDone command(String action, Integer volume) {
    return Await.result(stack.controls.command(new PlaybackCommand(action, volume)));
  }

  private static ConfigFailure failure(Future<?> f) {
    return assertInstanceOf(ConfigFailure.class, Await.failure(f));
  }

  @Test
  void nothingPlaysUntilSomethingIsPlayedThenItsStateShows() {
    assertEquals(Optional.empty(), Await.result(stack.controls.playback()));
    assertEquals(new ControlDone("k1", "Kitchen"), play(new PlayCommand(PLAYLIST, "kitchen", null, 25)));
    assertEquals(PLAYLIST, stack.fake.player().contextUri());
    assertEquals(25, stack.fake.player().volume("k1"));
    PlaybackStatus s = Await.result(stack.controls.playback()).orElseThrow();
    assertEquals(new PlaybackStatus.Device("k1", "Kitchen", 25), s.device());
    assertTrue(s.isPlaying());
    assertEquals("Fake Song", s.item().name());
    assertEquals(List.of("Fake Band"), s.item().artists());
  }

  @Test
  void aTrackPlaysAloneAndShuffleGoesOnOnceItPlays() {
    play(new PlayCommand(TRACK, "Bedroom", true, null));
    assertEquals(new JsonArray().add(TRACK), stack.fake.player().uris());
    assertTrue(stack.fake.player().shuffle());
    assertEquals("b1", stack.fake.player().active());
    assertEquals(35, stack.fake.player().volume("b1"), "no volume asked: left as it was");
  }

  @Test
  void shufflingAPlaylistStartsAtARandomTrack() {
    play(new PlayCommand(PLAYLIST, "Kitchen", true, null));
    Integer offset = stack.fake.player().offset();
    assertTrue(offset != null && offset >= 0 && offset < 30, String.valueOf(offset));
  }

  @Test
  void withoutADeviceNameTheActiveDeviceThenTheAlarmsDevice() {
    stack.configure(new JsonObject().put("device_name", "Bedroom"));
    assertEquals("b1", play(new PlayCommand(PLAYLIST, null, null, null)).deviceId());
    play(new PlayCommand(PLAYLIST, "Kitchen", null, null));
    assertEquals("k1", play(new PlayCommand(TRACK, null, null, null)).deviceId(), "the active one");
  }

  @Test
  void pauseResumeNextPreviousAndVolumeGoToTheActiveDevice() {
    play(new PlayCommand(PLAYLIST, "Kitchen", null, null));
    assertEquals("k1", command(PlaybackCommand.PAUSE, null).deviceId());
    assertFalse(stack.fake.player().playing());
    assertEquals("k1", command(PlaybackCommand.PAUSE, null).deviceId(), "pausing twice is fine");
    command(PlaybackCommand.RESUME, null);
    assertTrue(stack.fake.player().playing());
    command(PlaybackCommand.NEXT, null);
    command(PlaybackCommand.PREVIOUS, null);
    command(PlaybackCommand.VOLUME, 12);
    assertEquals(12, stack.fake.player().volume("k1"));
    assertEquals(1, stack.fake.requests("POST", "/v1/me/player/next").size());
    assertEquals(1, stack.fake.requests("POST", "/v1/me/player/previous").size());
  }

  @Test
  void withoutAnActiveDeviceACommandIsNotFoundAndAnUnknownDeviceToo() {
    ConfigFailure none = failure(stack.controls.command(new PlaybackCommand(PlaybackCommand.PAUSE, null)));
    assertEquals(ErrorCode.NOT_FOUND, none.code());
    ConfigFailure unknown = failure(stack.controls.play(new PlayCommand(PLAYLIST, "Garage", null, null)));
    assertEquals(ErrorCode.NOT_FOUND, unknown.code());
    assertTrue(unknown.getMessage().contains("no device named 'Garage'"), unknown.getMessage());
  }

  @Test
  void withoutCredentialsEverythingIsNotConnected() {
    stack.disconnect().restartPlayer();
    ConfigFailure f = failure(stack.controls.play(new PlayCommand(PLAYLIST, "Kitchen", null, null)));
    assertEquals(ErrorCode.NOT_CONNECTED, f.code());
    assertTrue(f.getMessage().contains("Spotify not connected"), f.getMessage());
    assertEquals(ErrorCode.NOT_CONNECTED, failure(stack.controls.playback()).code());
    assertEquals(0, stack.fake.requests().size());
  }

  @Test
  void premiumRequiredIsForbidden() {
    stack.fake.fault(Fault.status("PUT", PLAY, 403, "PREMIUM_REQUIRED"));
    ConfigFailure f = failure(stack.controls.play(new PlayCommand(PLAYLIST, "Kitchen", null, null)));
    assertEquals(ErrorCode.FORBIDDEN, f.code());
    assertTrue(f.getMessage().contains("PREMIUM_REQUIRED"), f.getMessage());
    assertEquals(1, stack.fake.requests("PUT", PLAY).size(), "a 403 is not tried again");
  }

  @Test
  void aLongRateLimitIsUnavailableWithSpotifysRetryAfterAndAShortOneIsWaitedFor() {
    stack.fake.fault(Fault.tooManyRequests("PUT", PLAY, 3600));
    ConfigFailure f = failure(stack.controls.play(new PlayCommand(PLAYLIST, "Kitchen", null, null)));
    assertEquals(ErrorCode.UNAVAILABLE, f.code());
    assertEquals(3600L, f.retryAfterSeconds());
    stack.fake.fault(Fault.tooManyRequests("PUT", PLAY, 0));
    play(new PlayCommand(PLAYLIST, "Kitchen", null, null));
    assertTrue(stack.fake.player().playing());
  }

  @Test
  void serverErrorsAndDroppedConnectionsAreTriedAgain() {
    stack.fake.fault(Fault.status("PUT", PLAY, 502, null)).fault(Fault.drop("PUT", PLAY));
    play(new PlayCommand(PLAYLIST, "Kitchen", null, null));
    assertEquals(3, stack.fake.requests("PUT", PLAY).size());
    assertTrue(stack.fake.player().playing());
  }

  @Test
  void spotifyDownForGoodIsUnavailable() {
    stack.fake.fault(Fault.status("PUT", PLAY, 503, null).times(50));
    ConfigFailure f = failure(stack.controls.play(new PlayCommand(PLAYLIST, "Kitchen", null, null)));
    assertEquals(ErrorCode.UNAVAILABLE, f.code());
    assertTrue(f.getMessage().contains("HTTP 503"), f.getMessage());
  }

  @Test
  void aBadUriIsABadRequest() {
    assertEquals(ErrorCode.BAD_REQUEST, failure(stack.controls.play(new PlayCommand("nope", "Kitchen", null, null)))
        .code());
    assertEquals(ErrorCode.BAD_REQUEST, failure(stack.controls.command(new PlaybackCommand("rewind", null))).code());
  }
}
