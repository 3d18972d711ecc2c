package io.spotipi.scheduler;

import static io.spotipi.scheduler.SchedulerRig.EVERY_DAY;
import static io.spotipi.scheduler.SchedulerRig.MONDAY_0700;
import static io.spotipi.scheduler.SchedulerRig.VIENNA;
import static io.spotipi.scheduler.SchedulerRig.alarm;
import static io.spotipi.scheduler.SchedulerRig.awaitClockChecks;
import static io.spotipi.scheduler.SchedulerRig.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmStatus.LastFired;
import io.spotipi.shared.message.AlarmTriggered;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the scheduler asks of the player, and what it records of the answers. */
class SchedulerPlayerTest {
  private static final Instant TUESDAY_0700 = MONDAY_0700.plus(Duration.ofDays(1));
  private static final String NOT_CONNECTED = "Spotify not connected";

  @RegisterExtension
  final SchedulerRig rig = new SchedulerRig();

  @Test
  void thePlayerGetsReadyOncePerOccurrenceTwoMinutesAhead() {
    MutableClock clock = new MutableClock(MONDAY_0700.minus(Duration.ofMinutes(10)));
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);

    clock.set(MONDAY_0700.minusSeconds(121));
    awaitClockChecks(clock, 3);
    assertEquals(List.of(), player.prepared(), "not before two minutes ahead");
    clock.set(MONDAY_0700.minusSeconds(120));
    waitUntil("the player asked to get ready", () -> !player.prepared().isEmpty());
    assertEquals(List.of(MONDAY_0700.toString()), player.prepared());

    long revision = rig.setAlarm(new JsonObject().put("time", "7:00")); // a re-plan to the same occurrence
    assertEquals("2026-11-30T07:00:00+01:00", rig.status(revision).nextFire());
    clock.set(MONDAY_0700.minusSeconds(60));
    awaitClockChecks(clock, 3);
    assertEquals(List.of(MONDAY_0700.toString()), player.prepared(), "asked once for one occurrence");

    clock.set(MONDAY_0700);
    waitUntil("the alarm played", () -> player.played().size() == 1);
    rig.awaitPlanned(TUESDAY_0700);
    clock.set(TUESDAY_0700.minusSeconds(90));
    waitUntil("the player asked for the next occurrence", () -> player.prepared().size() == 2);
    assertEquals(List.of(MONDAY_0700.toString(), TUESDAY_0700.toString()), player.prepared());
  }

  @Test
  void aPlayedOutcomeIsShownWithItsDeviceWhichIsRememberedOnlyWhenItChanged() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(30));
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);

    clock.set(MONDAY_0700);
    waitUntil("the device remembered", () -> RecordingPlayer.DEVICE_ID.equals(lastKnown("Bedroom")));
    assertEquals(new LastFired(MONDAY_0700.toString(), MONDAY_0700, 0, LastFired.PLAYED,
        "played on 'Bedroom' (exact name)"), rig.status().lastFired());

    rig.awaitPlanned(TUESDAY_0700);
    long revision = rig.revision();
    clock.set(TUESDAY_0700);
    waitUntil("the second day played", () -> rig.status().lastFired().occurrence().equals(TUESDAY_0700.toString()));
    awaitClockChecks(clock, 3);
    assertEquals(revision, rig.revision(), "the same device id commits nothing");

    player.answer(fired -> PlayOutcome.played(fired.occurrence(), "bedroom-id-2", "Bedroom", "played on 'Bedroom'"));
    Instant wednesday = TUESDAY_0700.plus(Duration.ofDays(1));
    rig.awaitPlanned(wednesday);
    clock.set(wednesday);
    waitUntil("the new id remembered", () -> "bedroom-id-2".equals(lastKnown("Bedroom")));
  }

  @Test
  void aFailedOutcomeIsRecordedWithItsReasonAndAOneTimeAlarmIsSwitchedOffOnce() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(30));
    RecordingPlayer player = new RecordingPlayer();
    player.answer(fired -> PlayOutcome.failed(fired.occurrence(), ErrorCode.NOT_CONNECTED, NOT_CONNECTED));
    rig.deployPlanned(alarm("07:00", null, VIENNA), clock, player, MONDAY_0700);
    long revision = rig.revision();

    clock.set(MONDAY_0700);
    waitUntil("the failure recorded", () -> rig.status().lastFired() != null);
    assertEquals(new LastFired(MONDAY_0700.toString(), MONDAY_0700, 0, LastFired.FAILED, NOT_CONNECTED),
        rig.status().lastFired());
    assertSwitchedOffOnce(revision);
    assertEquals(1, player.played().size());
    assertNull(lastKnown("Bedroom"), "a failure remembers no device");
  }

  @Test
  void aPlayerThatNeverAnswersIsAFailureAfterTheTimeoutAndTheAlarmIsSwitchedOffOnce() {
    List<AlarmFired> asked = new CopyOnWriteArrayList<>();
    MessageConsumer<Object> silent = rig.vertx.eventBus().consumer(Addresses.PLAYER_PLAY,
        msg -> asked.add(Json.fromJson(msg.body(), AlarmFired.class)));
    MessageConsumer<Object> ready = rig.vertx.eventBus().consumer(Addresses.PLAYER_PREPARE, msg -> msg.reply(null));
    Await.result(silent.completion().compose(v -> ready.completion()));
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(30));
    rig.setAlarm(alarm("07:00", null, VIENNA));
    rig.deploy(new SchedulerVerticle(clock), SchedulerRig.options().setPlayTimeoutMs(300));
    rig.awaitPlanned(MONDAY_0700);
    long revision = rig.revision();

    clock.set(MONDAY_0700);
    waitUntil("the player asked", () -> asked.size() == 1);
    waitUntil("the alarm switched off while the player is silent", () -> !rig.stored().getBoolean("enabled"));
    waitUntil("the timeout recorded", () -> rig.status().lastFired() != null);
    LastFired last = rig.status().lastFired();
    assertEquals(LastFired.FAILED, last.outcome());
    assertTrue(last.detail().startsWith("no answer from this node's player"), last.detail());
    assertSwitchedOffOnce(revision);
  }

  @Test
  void withoutAPlayerOnTheNodeAnAlarmAndATriggerFailInsteadOfClaimingToPlay() {
    MutableClock clock = new MutableClock(MONDAY_0700.minus(Duration.ofMinutes(5)));
    rig.setAlarm(alarm("07:00", EVERY_DAY, VIENNA));
    rig.deploy(new SchedulerVerticle(clock), SchedulerRig.options());
    rig.awaitPlanned(MONDAY_0700);

    JsonObject reply = (JsonObject) Await.result(rig.vertx.eventBus().request(Addresses.ALARM_TRIGGER, null)).body();
    AlarmTriggered triggered = Json.fromJson(reply, AlarmTriggered.class);
    assertEquals(LastFired.FAILED, triggered.outcome());
    assertEquals(ErrorCode.UNAVAILABLE, triggered.failure());
    assertNull(triggered.device());
    assertTrue(triggered.detail().startsWith("no answer from this node's player"), triggered.detail());

    clock.set(MONDAY_0700.minusSeconds(60)); // the prepare fails too, and changes nothing
    awaitClockChecks(clock, 3);
    clock.set(MONDAY_0700);
    waitUntil("the alarm failed", () -> MONDAY_0700.toString().equals(rig.status().lastFired().occurrence()));
    assertEquals(LastFired.FAILED, rig.status().lastFired().outcome());
    rig.awaitPlanned(TUESDAY_0700);
  }

  @Test
  void aTriggerThatFailsAnswersTheFailuresCodeAndDetail() {
    MutableClock clock = new MutableClock(MONDAY_0700.minus(Duration.ofHours(1)));
    RecordingPlayer player = new RecordingPlayer();
    player.answer(fired -> PlayOutcome.failed(fired.occurrence(), ErrorCode.NOT_CONNECTED, NOT_CONNECTED));
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);

    JsonObject reply = (JsonObject) Await.result(rig.vertx.eventBus().request(Addresses.ALARM_TRIGGER, null)).body();
    String occurrence = "manual-" + clock.instant();
    assertEquals(new JsonObject().put("occurrence", occurrence).put("fired_at", clock.instant().toString())
        .put("outcome", "failed").putNull("device").put("detail", NOT_CONNECTED).put("failure", "NOT_CONNECTED"),
        reply);
    assertEquals(new LastFired(occurrence, clock.instant(), 0, LastFired.FAILED, NOT_CONNECTED),
        rig.status().lastFired());
  }

  /** The one-time alarm is off, its occurrence claimed, and the config took exactly one commit for it. */
  private void assertSwitchedOffOnce(long revisionBefore) {
    waitUntil("the alarm switched off", () -> !rig.stored().getBoolean("enabled")
        && rig.ledger().pendingDisable() == null);
    assertFalse(rig.stored().getBoolean("enabled"));
    assertEquals(MONDAY_0700, rig.ledger().lastFiredOccurrence());
    assertEquals(revisionBefore + 1, rig.revision(), "one commit: the switch-off");
    assertNull(rig.status().nextFire());
  }

  private Object lastKnown(String deviceName) {
    JsonObject devices = rig.stored().getJsonObject("last_known_devices");
    return devices == null ? null : devices.getValue(deviceName);
  }
}
