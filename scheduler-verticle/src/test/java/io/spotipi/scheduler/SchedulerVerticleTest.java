package io.spotipi.scheduler;

import static io.spotipi.scheduler.SchedulerRig.EVERY_DAY;
import static io.spotipi.scheduler.SchedulerRig.GRACE_SECONDS;
import static io.spotipi.scheduler.SchedulerRig.MONDAY_0700;
import static io.spotipi.scheduler.SchedulerRig.VIENNA;
import static io.spotipi.scheduler.SchedulerRig.alarm;
import static io.spotipi.scheduler.SchedulerRig.assertNoBookkeepingIn;
import static io.spotipi.scheduler.SchedulerRig.at;
import static io.spotipi.scheduler.SchedulerRig.awaitClockChecks;
import static io.spotipi.scheduler.SchedulerRig.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmStatus;
import io.spotipi.shared.message.AlarmStatus.LastFired;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scheduler against the real config owner, with a hand-set clock: nothing here waits for real
 * time to pass except for the scheduler to look at the clock again.
 */
class SchedulerVerticleTest {
  @RegisterExtension
  final SchedulerRig rig = new SchedulerRig();

  // ---- exact timing ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
      "Europe/Vienna,    2026-03-28T22:00+01:00, 2026-03-29T07:00+02:00",
      "Europe/Vienna,    2026-10-24T22:00+02:00, 2026-10-25T07:00+01:00",
      "America/New_York, 2026-03-07T22:00-05:00, 2026-03-08T07:00-04:00",
      "America/New_York, 2026-10-31T22:00-04:00, 2026-11-01T07:00-05:00",
      "Europe/Vienna,    2026-11-29T22:00+01:00, 2026-11-30T07:00+01:00"})
  void firesExactlyAtTheInstantAfterTheNightNeverEarly(String zone, String evening, String morning) {
    Instant start = at(evening);
    Instant due = at(morning);
    MutableClock clock = new MutableClock(start);
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", EVERY_DAY, zone), clock, player, due);

    AlarmStatus status = rig.status();
    assertEquals(OffsetDateTime.parse(morning).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), status.nextFire());
    assertEquals(Duration.between(start, due).toSeconds(), status.nextFireInSeconds());

    for (Instant t = start; t.isBefore(due); t = t.plus(Duration.ofMinutes(30))) {
      clock.set(t);
      awaitClockChecks(clock, 2);
    }
    clock.set(due.minusMillis(1));
    awaitClockChecks(clock, 3);
    assertEquals(List.of(), player.played(), "fired before " + due);

    clock.set(due);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    AlarmFired fired = player.played().get(0);
    assertEquals(due.toString(), fired.occurrence());
    assertEquals(due, fired.scheduledFor());
    assertEquals(due, fired.firedAt());
    assertEquals(0, fired.lateMs());
    waitUntil("the fired event", () -> rig.published.size() == 1);
    assertEquals(fired, rig.published.get(0));
  }

  @Test
  void theFiredEventAndTheStatusHaveTheContractsFieldNames() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    JsonObject status = Await.result(rig.vertx.eventBus().<JsonObject>request(Addresses.ALARM_STATUS, null)).body();
    assertEquals(Set.of("enabled", "time", "weekdays", "timezone", "next_fire", "next_fire_in_seconds", "last_fired"),
        status.fieldNames());
    assertEquals(60, status.getLong("next_fire_in_seconds"));

    clock.set(MONDAY_0700);
    waitUntil("the fired event", () -> rig.publishedJson.size() == 1);
    JsonObject event = rig.publishedJson.get(0);
    assertEquals(Set.of("occurrence", "scheduled_for", "fired_at", "late_ms", "alarm"), event.fieldNames());
    assertEquals(Set.of("time", "weekdays", "playlist_uri", "device_name", "alarm_volume", "fade_in", "shuffle"),
        event.getJsonObject("alarm").fieldNames());
    assertEquals("2026-11-30T06:00:00Z", event.getString("scheduled_for"));
  }

  @Test
  void aStatusRequestOfAnotherShapeIsABadRequest() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    for (Object body : List.of(new JsonObject().put("min_revision", "soon"), "status please")) {
      ConfigFailure f = ConfigFailure.from(Await.failure(rig.vertx.eventBus().request(Addresses.ALARM_STATUS, body)));
      assertEquals(ErrorCode.BAD_REQUEST, f.code(), f.getMessage());
    }
    assertEquals(60, rig.status().nextFireInSeconds(), "the scheduler still answers");
  }

  @Test
  void aOneTimeAlarmDisablesItselfAfterFiring() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    JsonObject fading = alarm("07:00", null, VIENNA).put("alarm_volume", 12).put("fade_in", true);
    rig.deployPlanned(fading, clock, player, MONDAY_0700);

    clock.set(MONDAY_0700);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    waitUntil("the alarm disabled", () -> !rig.stored().getBoolean("enabled") && rig.ledger().plannedOccurrence() == null);
    assertEquals(MONDAY_0700, rig.ledger().lastFiredOccurrence());
    assertNull(rig.ledger().pendingDisable(), "the switch-off is done");
    assertNoBookkeepingIn(rig.stored());

    AlarmStatus status = rig.status();
    assertFalse(status.enabled());
    assertNull(status.nextFire());
    assertEquals(new LastFired(MONDAY_0700.toString(), MONDAY_0700, 0, LastFired.PLAYED,
        "played on 'Bedroom' (exact name)"), status.lastFired());
  }

  /** The claim is internal state: a restore brings the alarm back, not the occurrence it played. */
  @Test
  void aRestoreOfABackupFromBeforeTheFiringDoesNotFireItAgain() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", null, VIENNA), clock, player, MONDAY_0700);
    waitUntil("a backup of the armed alarm", () -> !rig.backups().isEmpty());
    BackupInfo armed = rig.backups().get(0);

    clock.set(MONDAY_0700);
    waitUntil("the alarm fired and switched off", () -> player.played().size() == 1 && !rig.stored().getBoolean("enabled"));
    JsonObject restored = rig.restore(armed.id());
    assertTrue(restored.getBoolean("enabled"), "the backup holds the armed alarm");
    assertNoBookkeepingIn(restored);
    rig.awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    assertEquals(MONDAY_0700, rig.ledger().lastFiredOccurrence());
    awaitClockChecks(clock, 2);
    assertEquals(1, player.played().size());
  }

  @Test
  void aRecurringAlarmStaysEnabledForItsNextDay() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", new JsonArray().add(0), VIENNA), clock, player, MONDAY_0700);

    clock.set(MONDAY_0700);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    Instant nextMonday = at("2026-12-07T07:00+01:00");
    rig.awaitPlanned(nextMonday);
    assertTrue(rig.stored().getBoolean("enabled"));
    assertEquals("2026-12-07T07:00:00+01:00", rig.status().nextFire());
  }

  // ---- re-planning -------------------------------------------------------------------------------

  @Test
  void aConfigChangeMidWaitReplans() {
    MutableClock clock = new MutableClock(MONDAY_0700.minus(Duration.ofHours(1)));
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);

    Instant earlier = at("2026-11-30T06:30+01:00");
    rig.setAlarm(new JsonObject().put("time", "6:30"));
    rig.awaitPlanned(earlier);
    clock.set(earlier);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    assertEquals(earlier.toString(), player.played().get(0).occurrence());

    Instant newYork = at("2026-11-30T06:30-05:00");
    rig.setAlarm(new JsonObject().put("timezone", "America/New_York"));
    rig.awaitPlanned(newYork);
    assertEquals("2026-11-30T06:30:00-05:00", rig.status().nextFire());

    rig.setAlarm(new JsonObject().put("enabled", false));
    waitUntil("the plan dropped", () -> rig.ledger().plannedOccurrence() == null);
    assertNull(rig.status().nextFire());
    assertEquals(1, player.played().size());
  }

  @Test
  void aClockStepBackAfterFiringDoesNotFireAgain() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(1));
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);
    clock.set(MONDAY_0700);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    rig.awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));

    clock.set(MONDAY_0700.minusSeconds(1));
    long revision = rig.setAlarm(new JsonObject().put("alarm_volume", 30)); // a re-plan while the clock is behind
    assertEquals("2026-12-01T07:00:00+01:00", rig.status(revision).nextFire());
    clock.set(MONDAY_0700);
    awaitClockChecks(clock, 3);
    assertEquals(1, player.played().size());
    assertEquals(LastFired.PLAYED, rig.status().lastFired().outcome());
  }

  @Test
  void anOccurrenceFoundBeyondTheGracePeriodIsSkipped() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);

    clock.set(MONDAY_0700.plusSeconds(GRACE_SECONDS + 1)); // e.g. the machine was suspended
    rig.awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    assertEquals(List.of(), player.played());
  }

  // ---- restarts ----------------------------------------------------------------------------------

  @Test
  void aRestartInsideTheGraceWindowFiresOnceLate() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    String first = rig.deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    Await.result(rig.vertx.undeploy(first));

    Instant restart = MONDAY_0700.plusSeconds(180);
    clock.set(restart);
    RecordingPlayer player = new RecordingPlayer();
    String second = rig.deploy(clock, player);
    waitUntil("the missed alarm fired", () -> player.played().size() == 1);
    AlarmFired fired = player.played().get(0);
    assertEquals(MONDAY_0700.toString(), fired.occurrence());
    assertEquals(restart, fired.firedAt());
    assertEquals(Duration.ofSeconds(180).toMillis(), fired.lateMs());
    rig.awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    Await.result(rig.vertx.undeploy(second));

    MutableClock third = clock.sameTime();
    RecordingPlayer thirdPlayer = new RecordingPlayer();
    rig.deploy(third, thirdPlayer);
    awaitClockChecks(third, 3);
    assertEquals(List.of(), thirdPlayer.played());
    assertEquals(1, rig.published.size());
  }

  @Test
  void aRestartOutsideTheGraceWindowSkipsAndKeepsAOneTimeAlarmEnabled() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    String first = rig.deployPlanned(alarm("07:00", null, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    Await.result(rig.vertx.undeploy(first));

    clock.set(MONDAY_0700.plusSeconds(GRACE_SECONDS + 60));
    RecordingPlayer player = new RecordingPlayer();
    rig.deploy(clock, player);
    rig.awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    assertEquals(List.of(), player.played());
    assertTrue(rig.stored().getBoolean("enabled"));
  }

  @Test
  void aOneTimeAlarmSetAfterItsTimeIsNotCaughtUpByARestart() {
    Instant setAt = MONDAY_0700.plusSeconds(120);
    MutableClock clock = new MutableClock(setAt);
    String first = rig.deploy(clock, new RecordingPlayer());
    rig.setAlarm(alarm("07:00", null, VIENNA)); // at 07:02 for 07:00: tomorrow
    Instant tomorrow = MONDAY_0700.plus(Duration.ofDays(1));
    rig.awaitPlanned(tomorrow);
    Await.result(rig.vertx.undeploy(first));

    clock.set(setAt.plusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    rig.deploy(clock, player);
    awaitClockChecks(clock, 3);
    assertEquals(List.of(), player.played());
    assertEquals("2026-12-01T07:00:00+01:00", rig.status().nextFire());
  }

  // ---- several schedulers, manual trigger ---------------------------------------------------------

  @Test
  void twoSchedulersOnOneStoreFireEachOccurrenceOnce() {
    MutableClock clockA = new MutableClock(MONDAY_0700.minusSeconds(60));
    MutableClock clockB = clockA.sameTime();
    RecordingPlayer playerA = new RecordingPlayer();
    RecordingPlayer playerB = new RecordingPlayer();
    rig.setAlarm(alarm("07:00", EVERY_DAY, VIENNA));
    rig.deploy(clockA, playerA);
    rig.deploy(clockB, playerB);

    int days = 5;
    for (int day = 0; day < days; day++) {
      Instant occurrence = MONDAY_0700.plus(Duration.ofDays(day));
      rig.awaitPlanned(occurrence);
      clockA.set(occurrence);
      int played = day + 1;
      waitUntil("occurrence " + occurrence + " played",
          () -> playerA.played().size() + playerB.played().size() >= played);
      // Each scheduler reads the clock again only once its claim is settled.
      awaitClockChecks(clockA, 3);
      awaitClockChecks(clockB, 3);
      assertEquals(played, playerA.played().size() + playerB.played().size(), "plays after " + occurrence);
    }
    waitUntil("every fired event", () -> rig.published.size() == days);
    assertEquals(days, rig.published.stream().map(AlarmFired::occurrence).distinct().count());
  }

  @Test
  void aManualTriggerFiresNowAndNeverDisables() {
    Instant now = MONDAY_0700.minus(Duration.ofHours(2));
    MutableClock clock = new MutableClock(now);
    RecordingPlayer player = new RecordingPlayer();
    rig.deployPlanned(alarm("07:00", null, VIENNA), clock, player, MONDAY_0700);

    Message<JsonObject> reply = Await.result(rig.vertx.eventBus().request(Addresses.ALARM_TRIGGER, new JsonObject()));
    assertEquals(new JsonObject().put("occurrence", "manual-" + now).put("fired_at", now.toString())
        .put("outcome", "played").put("device", "Bedroom").put("detail", "played on 'Bedroom' (exact name)"),
        reply.body(), "the trigger's answer, which the API passes on");
    AlarmFired fired = player.played().get(0);
    assertEquals("manual-" + now, fired.occurrence());
    assertEquals(now, fired.firedAt());
    waitUntil("the fired event", () -> rig.published.size() == 1);
    assertEquals(fired, rig.published.get(0));
    assertEquals(new LastFired("manual-" + now, now, 0, LastFired.PLAYED, "played on 'Bedroom' (exact name)"),
        rig.status().lastFired());
    assertTrue(rig.stored().getBoolean("enabled"));
    assertNull(rig.ledger().lastFiredOccurrence());

    clock.set(MONDAY_0700);
    waitUntil("the scheduled alarm fired too", () -> player.played().size() == 2);
    assertEquals(MONDAY_0700.toString(), player.played().get(1).occurrence());
  }
}
