package io.spotipi.player.controls;

import static io.spotipi.player.fake.PlayerStack.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.Fault;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.SleepRequest;
import io.spotipi.shared.message.SleepStatus;
import io.spotipi.shared.testing.Await;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sleep timer: music now, at its end by the clock a fade to silence, a pause and the volume from
 * before; stopped early on request, replaced by a new timer, ended by an alarm, and ended once across
 * restarts (also one in the middle of the fade).
 */
class SleepTimerTest extends StackTest {
  static final String NIGHT = "spotify:playlist:4YRXWgGjI2tq1Hd24g6kxg";
  static final String VOLUME = "/v1/me/player/volume";
  static final String PAUSE = "/v1/me/player/pause";

  @BeforeEach
  void prepare() {
    Await.result(stack.controls.play(new PlayCommand("spotify:album:1DFixLWuPkv3KT3TnV35m3", "Kitchen", null, 40)));
    stack.fake.clearRequests();
  }

  private SleepStatus sleep(Integer minutes) {
    return Await.result(stack.controls.startSleep(new SleepRequest(minutes, NIGHT, "Kitchen", 20, null)));
  }

  private List<Integer> volumes() {
    return stack.fake.requests("PUT", VOLUME).stream().map(r -> Integer.parseInt(r.param("volume_percent"))).toList();
  }

  private int pauses() {
    return stack.fake.requests("PUT", PAUSE).size();
  }

  private void endsOnceAt(Instant endsAt) {
    stack.advance(Duration.between(stack.clock.instant(), endsAt).minusSeconds(1));
    stack.clockReadAgain(20);
    assertTrue(stack.fake.player().playing(), "not a second early");
    stack.advance(Duration.ofSeconds(1));
    await("the sleep timer ended", () -> stack.playerState().sleep() == null);
    assertEquals(1, pauses(), "paused before the timer left the section, and nothing is left to end again");
    assertTrue(!stack.fake.player().playing());
    assertEquals(40, stack.fake.player().volume("k1"), "the volume from before, for the next start");
    assertEquals(SleepStatus.INACTIVE, Await.result(stack.controls.sleepStatus()));
  }

  @Test
  void itPlaysThenFadesToSilencePausesAndGivesTheVolumeBack() {
    SleepStatus started = sleep(30);
    Instant endsAt = stack.clock.instant().plus(Duration.ofMinutes(30));
    assertEquals(new SleepStatus(true, endsAt, NIGHT, "Kitchen"), started);
    assertEquals(started, Await.result(stack.controls.sleepStatus()));
    assertEquals(NIGHT, stack.fake.player().contextUri());
    assertEquals(20, stack.fake.player().volume("k1"));
    endsOnceAt(endsAt);
    assertEquals(List.of(20, 20, 15, 10, 5, 0, 40), volumes());
  }

  @Test
  void whileNoOwnerAnswersTheStatusIsTheOneLastSeen() {
    SleepStatus started = sleep(30);
    stack.stopOwner();
    assertEquals(started, Await.result(stack.controls.sleepStatus()));
  }

  @Test
  void whatIsLeftOutComesFromTheSleepKeys() {
    stack.configure(new JsonObject().put("sleep_playlist_uri", NIGHT).put("sleep_device_name", "bedroom")
        .put("sleep_volume", 15).put("sleep_default_duration", 20));
    SleepStatus started = Await.result(stack.controls.startSleep(new SleepRequest(null, null, null, null, null)));
    assertEquals(new SleepStatus(true, stack.clock.instant().plus(Duration.ofMinutes(20)), NIGHT, "Bedroom"), started);
    assertEquals("b1", stack.fake.player().active());
    assertEquals(15, stack.fake.player().volume("b1"));
  }

  @Test
  void stoppingFadesOutAndPausesNow() {
    sleep(30);
    assertEquals(SleepStatus.INACTIVE, Await.result(stack.controls.stopSleep()));
    await("paused", () -> pauses() == 1);
    await("the timer is gone", () -> stack.playerState().sleep() == null);
    assertEquals(List.of(20, 20, 15, 10, 5, 0, 40), volumes());
    assertEquals(SleepStatus.INACTIVE, Await.result(stack.controls.stopSleep()), "nothing left to stop");
  }

  @Test
  void aNewTimerReplacesTheRunningOne() {
    sleep(30);
    SleepStatus second = sleep(10);
    assertEquals(stack.clock.instant().plus(Duration.ofMinutes(10)), second.endsAt());
    endsOnceAt(second.endsAt());
    stack.advance(Duration.ofMinutes(25));
    assertEquals(SleepStatus.INACTIVE, Await.result(stack.controls.sleepStatus()));
    assertEquals(1, pauses(), "the first timer is gone");
  }

  @Test
  void anAlarmThatFiresEndsTheTimerAndPlaysOn() {
    Instant endsAt = sleep(30).endsAt();
    stack.fireAlarm("2026-12-01T06:00:00Z", new AlarmSpec("07:00", null, NIGHT, "Kitchen", 25, false, false));
    await("the timer is gone", () -> stack.playerState().sleep() == null);
    stack.advance(Duration.between(stack.clock.instant(), endsAt).plusMinutes(1));
    assertEquals(SleepStatus.INACTIVE, Await.result(stack.controls.sleepStatus()));
    assertEquals(0, pauses());
    assertTrue(stack.fake.player().playing());
  }

  @Test
  void aRestartBeforeTheEndStillEndsItOnce() {
    Instant endsAt = sleep(30).endsAt();
    stack.restartPlayer();
    endsOnceAt(endsAt);
  }

  @Test
  void aRestartInTheMiddleOfTheFadeFinishesItOnceTheClaimRunsOut() {
    stack.fake.fault(Fault.delay("PUT", VOLUME, 60_000).after(3));
    Instant endsAt = sleep(30).endsAt();
    stack.advance(Duration.between(stack.clock.instant(), endsAt));
    await("the fade hangs at its second step", () -> volumes().size() == 4);
    stack.restartPlayer();
    stack.advance(Duration.ofSeconds(59));
    stack.clockReadAgain(20);
    assertEquals(0, pauses(), "the dead player's claim holds for its lease");
    stack.advance(Duration.ofSeconds(1));
    await("the sleep timer ended", () -> stack.playerState().sleep() == null);
    assertEquals(1, pauses());
    assertEquals(40, stack.fake.player().volume("k1"));
  }

  @Test
  void badMinutesOrAUriThatIsNoneAreBadRequests() {
    for (SleepRequest bad : List.of(new SleepRequest(0, NIGHT, null, null, null),
        new SleepRequest(481, NIGHT, null, null, null), new SleepRequest(10, "night", null, null, null))) {
      ConfigFailure f = assertInstanceOf(ConfigFailure.class, Await.failure(stack.controls.startSleep(bad)));
      assertEquals(ErrorCode.BAD_REQUEST, f.code(), bad.toString());
    }
    assertNull(stack.playerState().sleep());
  }
}
