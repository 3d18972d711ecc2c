package io.spotipi.player.controls;

import static io.spotipi.player.fake.PlayerStack.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.SnoozeStatus;
import io.spotipi.shared.testing.Await;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snooze by request and by a pause from a Spotify app: it pauses, resumes once at the alarm's volume on
 * the same device after {@code snooze_minutes} by the clock, never before, also across a restart and
 * with two players.
 */
class SnoozeTest extends StackTest {
  static final String PLAYLIST = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M";
  static final AlarmSpec ALARM = new AlarmSpec("07:00", List.of(0, 1, 2, 3, 4), PLAYLIST, "Kitchen", 25, false,
      false);
  static final String PLAY = "/v1/me/player/play";

  /** The alarm fires and plays, as the scheduler and the player do it. */
  private void alarmPlays() {
    String occurrence = stack.fireAlarm(stack.clock.instant().toString(), ALARM).occurrence();
    await("the snooze window recorded", () -> stack.playerState().alarm() != null
        && stack.playerState().alarm().occurrence().equals(occurrence));
    Await.result(stack.controls.play(new PlayCommand(PLAYLIST, "Kitchen", null, 25)));
    stack.fake.player().volumeByUser("k1", 60);
  }

  private int plays() {
    return stack.fake.requests("PUT", PLAY).size();
  }

  private void resumesOnceAfterNineMinutes(Instant until, int playsBefore) {
    stack.advance(Duration.between(stack.clock.instant(), until).minusSeconds(1));
    stack.clockReadAgain(20);
    assertFalse(stack.fake.player().playing(), "not a second early");
    assertEquals(playsBefore, plays());
    stack.advance(Duration.ofSeconds(1));
    await("the alarm resumed", () -> stack.fake.player().playing());
    await("the snooze is over", () -> stack.playerState().snooze() == null);
    stack.clockReadAgain(20);
    assertEquals(playsBefore + 1, plays(), "resumed once");
    assertEquals(25, stack.fake.player().volume("k1"), "at the alarm's volume");
    assertEquals("k1", stack.fake.player().active());
    assertNull(Await.result(stack.controls.snoozeStatus()).until());
  }

  @Test
  void aSnoozePausesNowAndResumesAfterSnoozeMinutesOnTheSameDevice() {
    alarmPlays();
    SnoozeStatus snoozed = Await.result(stack.controls.snooze());
    assertEquals(stack.clock.instant().plus(Duration.ofMinutes(9)), snoozed.until());
    assertFalse(stack.fake.player().playing());
    assertEquals(snoozed, Await.result(stack.controls.snoozeStatus()));
    resumesOnceAfterNineMinutes(snoozed.until(), plays());
  }

  @Test
  void whileNoOwnerAnswersTheSnoozeIsTheOneLastSeen() {
    alarmPlays();
    SnoozeStatus snoozed = Await.result(stack.controls.snooze());
    stack.stopOwner();
    assertEquals(snoozed, Await.result(stack.controls.snoozeStatus()));
  }

  @Test
  void aDismissedSnoozeDoesNotResumeAndTheAlarmCannotBeSnoozedAgain() {
    alarmPlays();
    Instant until = Await.result(stack.controls.snooze()).until();
    assertNull(Await.result(stack.controls.dismissSnooze()).until());
    assertNull(stack.playerState().snooze(), "nothing left to resume");
    int plays = plays();
    stack.advance(Duration.between(stack.clock.instant(), until).plusSeconds(5));
    assertEquals(ErrorCode.CONFLICT, failure(stack.controls.snooze()).code());
    assertEquals(plays, plays());
    assertFalse(stack.fake.player().playing());
  }

  @Test
  void withoutAnAlarmOrAfterItsWindowThereIsNothingToSnooze() {
    ConfigFailure none = failure(stack.controls.snooze());
    assertEquals(ErrorCode.CONFLICT, none.code());
    assertTrue(none.getMessage().contains("no alarm to snooze"), none.getMessage());
    stack.configure(new JsonObject().put("snooze_window_minutes", 30));
    alarmPlays();
    stack.advance(Duration.ofMinutes(30));
    assertEquals(ErrorCode.CONFLICT, failure(stack.controls.snooze()).code());
    assertTrue(stack.fake.player().playing());
  }

  @Test
  void pausingTheAlarmFromASpotifyAppSnoozesIt() {
    alarmPlays();
    int looks = stack.fake.requests("GET", "/v1/me/player").size();
    await("the watcher saw it play", () -> stack.fake.requests("GET", "/v1/me/player").size() > looks + 1);
    stack.fake.player().pauseByUser();
    await("snoozed", () -> stack.playerState().snooze() != null);
    Instant until = stack.playerState().snooze().until();
    assertEquals(stack.clock.instant().plus(Duration.ofMinutes(9)), until);
    assertEquals("k1", stack.playerState().snooze().deviceId());
    resumesOnceAfterNineMinutes(until, plays());
  }

  @Test
  void aPlayerThatRestartsInTheWindowWatchesForThePause() {
    alarmPlays();
    stack.restartPlayer();
    int looks = stack.fake.requests("GET", "/v1/me/player").size();
    await("the new player saw it play", () -> stack.fake.requests("GET", "/v1/me/player").size() > looks + 1);
    stack.fake.player().pauseByUser();
    await("snoozed", () -> stack.playerState().snooze() != null);
  }

  @Test
  void withSnoozeOnPauseOffAPauseIsJustAPause() {
    stack.configure(new JsonObject().put("snooze_enabled", false));
    alarmPlays();
    stack.fake.player().pauseByUser();
    stack.clockReadAgain(20);
    int looks = stack.fake.requests("GET", "/v1/me/player").size();
    assertNull(stack.playerState().snooze());
    stack.clockReadAgain(20);
    assertEquals(looks, stack.fake.requests("GET", "/v1/me/player").size(), "no looks while it is off");
  }

  @Test
  void aRestartDuringTheSnoozeStillResumesOnce() {
    alarmPlays();
    Instant until = Await.result(stack.controls.snooze()).until();
    int plays = plays();
    stack.restartPlayer();
    resumesOnceAfterNineMinutes(until, plays);
  }

  @Test
  void twoPlayersResumeOnce() {
    stack.deployPlayer();
    alarmPlays();
    Instant until = Await.result(stack.controls.snooze()).until();
    resumesOnceAfterNineMinutes(until, plays());
  }

  private static ConfigFailure failure(io.vertx.core.Future<?> f) {
    return assertInstanceOf(ConfigFailure.class, Await.failure(f));
  }
}
