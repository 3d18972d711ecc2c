package io.spotipi.scheduler;

import io.spotipi.shared.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.Json;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmStatus;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scheduler against the real config owner, with a hand-set clock: nothing here waits for real
 * time to pass except for the scheduler to look at the clock again.
 */
@ExtendWith(VertxExtension.class)
class SchedulerVerticleTest {
  private static final long RECHECK_MS = 10;
  private static final long GRACE_SECONDS = 600;
  private static final long WAIT_MS = 10_000;
  private static final JsonArray EVERY_DAY = new JsonArray(List.of(0, 1, 2, 3, 4, 5, 6));
  private static final String VIENNA = "Europe/Vienna";
  /** A Monday in Vienna, far from any DST change. */
  private static final Instant MONDAY_0700 = at("2026-11-30T07:00+01:00");

  private Vertx vertx;
  private String storeDeployment;
  private final List<String> schedulerDeployments = new CopyOnWriteArrayList<>();
  private Context testContext;
  private ConfigClient store;
  private StateClient state;
  private final List<AlarmFired> published = new CopyOnWriteArrayList<>();
  private final List<JsonObject> publishedJson = new CopyOnWriteArrayList<>();

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @BeforeEach
  void startStore(Vertx vertx, @TempDir Path dataDir) {
    this.vertx = vertx;
    storeDeployment = Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions()
        .setConfig(new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test").toJson())));
    testContext = vertx.getOrCreateContext();
    store = Await.on(testContext, () -> {
      ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("test"));
      return client.ready().map(client);
    });
    state = Await.on(testContext, () -> {
      StateClient client = StateClient.create(vertx, new ConfigClientOptions("test"));
      return client.ready().map(client);
    });
    MessageConsumer<JsonObject> fired = vertx.eventBus().consumer(Addresses.ALARM_FIRED,
        msg -> {
          publishedJson.add(msg.body());
          published.add(Json.fromJson(msg.body(), AlarmFired.class));
        });
    Await.result(fired.completion());
  }

  /** Schedulers first, then the store, which finishes its writes before the temp dir goes. */
  @AfterEach
  void stopAll() {
    for (String id : schedulerDeployments) {
      if (vertx.deploymentIDs().contains(id)) {
        Await.result(vertx.undeploy(id));
      }
    }
    Await.result(vertx.undeploy(storeDeployment));
  }

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
    deployPlanned(alarm("07:00", EVERY_DAY, zone), clock, player, due);

    AlarmStatus status = status();
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
    waitUntil("the fired event", () -> published.size() == 1);
    assertEquals(fired, published.get(0));
  }

  @Test
  void theFiredEventAndTheStatusHaveTheContractsFieldNames() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    JsonObject status = Await.result(vertx.eventBus().<JsonObject>request(Addresses.ALARM_STATUS, null)).body();
    assertEquals(Set.of("enabled", "time", "weekdays", "timezone", "next_fire", "next_fire_in_seconds", "last_fired"),
        status.fieldNames());
    assertEquals(60, status.getLong("next_fire_in_seconds"));

    clock.set(MONDAY_0700);
    waitUntil("the fired event", () -> publishedJson.size() == 1);
    JsonObject event = publishedJson.get(0);
    assertEquals(Set.of("occurrence", "scheduled_for", "fired_at", "late_ms", "alarm"), event.fieldNames());
    assertEquals(Set.of("time", "weekdays", "playlist_uri", "device_name", "alarm_volume", "fade_in", "shuffle"),
        event.getJsonObject("alarm").fieldNames());
    assertEquals("2026-11-30T06:00:00Z", event.getString("scheduled_for"));
  }

  @Test
  void aStatusRequestOfAnotherShapeIsABadRequest() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    for (Object body : List.of(new JsonObject().put("min_revision", "soon"), "status please")) {
      ConfigFailure f = ConfigFailure.from(Await.failure(vertx.eventBus().request(Addresses.ALARM_STATUS, body)));
      assertEquals(ErrorCode.BAD_REQUEST, f.code(), f.getMessage());
    }
    assertEquals(60, status().nextFireInSeconds(), "the scheduler still answers");
  }

  @Test
  void aOneTimeAlarmDisablesItselfAfterFiring() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    JsonObject fading = alarm("07:00", null, VIENNA).put("alarm_volume", 12).put("fade_in", true);
    deployPlanned(fading, clock, player, MONDAY_0700);

    clock.set(MONDAY_0700);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    waitUntil("the alarm disabled", () -> !stored().getBoolean("enabled") && ledger().plannedOccurrence() == null);
    assertEquals(MONDAY_0700, ledger().lastFiredOccurrence());
    assertNull(ledger().pendingDisable(), "the switch-off is done");
    assertNoBookkeepingIn(stored());
    assertEquals(List.of(0, 5, 10, 12),
        player.fades().get(0).steps().stream().map(FadePlan.Step::volume).toList());

    AlarmStatus status = status();
    assertFalse(status.enabled());
    assertNull(status.nextFire());
    assertEquals(new AlarmStatus.LastFired(MONDAY_0700.toString(), MONDAY_0700, 0, SchedulerVerticle.PLAYED),
        status.lastFired());
  }

  /** The claim is internal state: a restore brings the alarm back, not the occurrence it played. */
  @Test
  void aRestoreOfABackupFromBeforeTheFiringDoesNotFireItAgain() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    deployPlanned(alarm("07:00", null, VIENNA), clock, player, MONDAY_0700);
    waitUntil("a backup of the armed alarm", () -> !backups().isEmpty());
    BackupInfo armed = backups().get(0);

    clock.set(MONDAY_0700);
    waitUntil("the alarm fired and switched off", () -> player.played().size() == 1 && !stored().getBoolean("enabled"));
    JsonObject restored = Await.on(testContext, () -> store.restore(armed.id())).config();
    assertTrue(restored.getBoolean("enabled"), "the backup holds the armed alarm");
    assertNoBookkeepingIn(restored);
    awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    assertEquals(MONDAY_0700, ledger().lastFiredOccurrence());
    awaitClockChecks(clock, 2);
    assertEquals(1, player.played().size());
  }

  @Test
  void aRecurringAlarmStaysEnabledForItsNextDay() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    deployPlanned(alarm("07:00", new JsonArray().add(0), VIENNA), clock, player, MONDAY_0700);

    clock.set(MONDAY_0700);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    Instant nextMonday = at("2026-12-07T07:00+01:00");
    awaitPlanned(nextMonday);
    assertTrue(stored().getBoolean("enabled"));
    assertEquals("2026-12-07T07:00:00+01:00", status().nextFire());
  }

  // ---- re-planning -------------------------------------------------------------------------------

  @Test
  void aConfigChangeMidWaitReplans() {
    MutableClock clock = new MutableClock(MONDAY_0700.minus(Duration.ofHours(1)));
    RecordingPlayer player = new RecordingPlayer();
    deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);

    Instant earlier = at("2026-11-30T06:30+01:00");
    setAlarm(new JsonObject().put("time", "6:30"));
    awaitPlanned(earlier);
    clock.set(earlier);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    assertEquals(earlier.toString(), player.played().get(0).occurrence());

    Instant newYork = at("2026-11-30T06:30-05:00");
    setAlarm(new JsonObject().put("timezone", "America/New_York"));
    awaitPlanned(newYork);
    assertEquals("2026-11-30T06:30:00-05:00", status().nextFire());

    setAlarm(new JsonObject().put("enabled", false));
    waitUntil("the plan dropped", () -> ledger().plannedOccurrence() == null);
    assertNull(status().nextFire());
    assertEquals(1, player.played().size());
  }

  @Test
  void aClockStepBackAfterFiringDoesNotFireAgain() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(1));
    RecordingPlayer player = new RecordingPlayer();
    deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);
    clock.set(MONDAY_0700);
    waitUntil("the alarm fired", () -> player.played().size() == 1);
    awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));

    clock.set(MONDAY_0700.minusSeconds(1));
    long revision = setAlarm(new JsonObject().put("alarm_volume", 30)); // a re-plan while the clock is behind
    assertEquals("2026-12-01T07:00:00+01:00", status(revision).nextFire());
    clock.set(MONDAY_0700);
    awaitClockChecks(clock, 3);
    assertEquals(1, player.played().size());
    assertEquals(SchedulerVerticle.PLAYED, status().lastFired().outcome());
  }

  @Test
  void anOccurrenceFoundBeyondTheGracePeriodIsSkipped() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, player, MONDAY_0700);

    clock.set(MONDAY_0700.plusSeconds(GRACE_SECONDS + 1)); // e.g. the machine was suspended
    awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    assertEquals(List.of(), player.played());
  }

  // ---- restarts ----------------------------------------------------------------------------------

  @Test
  void aRestartInsideTheGraceWindowFiresOnceLate() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    String first = deployPlanned(alarm("07:00", EVERY_DAY, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    Await.result(vertx.undeploy(first));

    Instant restart = MONDAY_0700.plusSeconds(180);
    clock.set(restart);
    RecordingPlayer player = new RecordingPlayer();
    String second = deploy(clock, player);
    waitUntil("the missed alarm fired", () -> player.played().size() == 1);
    AlarmFired fired = player.played().get(0);
    assertEquals(MONDAY_0700.toString(), fired.occurrence());
    assertEquals(restart, fired.firedAt());
    assertEquals(Duration.ofSeconds(180).toMillis(), fired.lateMs());
    awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    Await.result(vertx.undeploy(second));

    MutableClock third = clock.sameTime();
    RecordingPlayer thirdPlayer = new RecordingPlayer();
    deploy(third, thirdPlayer);
    awaitClockChecks(third, 3);
    assertEquals(List.of(), thirdPlayer.played());
    assertEquals(1, published.size());
  }

  @Test
  void aRestartOutsideTheGraceWindowSkipsAndKeepsAOneTimeAlarmEnabled() {
    MutableClock clock = new MutableClock(MONDAY_0700.minusSeconds(60));
    String first = deployPlanned(alarm("07:00", null, VIENNA), clock, new RecordingPlayer(), MONDAY_0700);
    Await.result(vertx.undeploy(first));

    clock.set(MONDAY_0700.plusSeconds(GRACE_SECONDS + 60));
    RecordingPlayer player = new RecordingPlayer();
    deploy(clock, player);
    awaitPlanned(MONDAY_0700.plus(Duration.ofDays(1)));
    assertEquals(List.of(), player.played());
    assertTrue(stored().getBoolean("enabled"));
  }

  @Test
  void aOneTimeAlarmSetAfterItsTimeIsNotCaughtUpByARestart() {
    Instant setAt = MONDAY_0700.plusSeconds(120);
    MutableClock clock = new MutableClock(setAt);
    String first = deploy(clock, new RecordingPlayer());
    setAlarm(alarm("07:00", null, VIENNA)); // at 07:02 for 07:00: tomorrow
    Instant tomorrow = MONDAY_0700.plus(Duration.ofDays(1));
    awaitPlanned(tomorrow);
    Await.result(vertx.undeploy(first));

    clock.set(setAt.plusSeconds(60));
    RecordingPlayer player = new RecordingPlayer();
    deploy(clock, player);
    awaitClockChecks(clock, 3);
    assertEquals(List.of(), player.played());
    assertEquals("2026-12-01T07:00:00+01:00", status().nextFire());
  }

  // ---- several schedulers, manual trigger ---------------------------------------------------------

  @Test
  void twoSchedulersOnOneStoreFireEachOccurrenceOnce() {
    MutableClock clockA = new MutableClock(MONDAY_0700.minusSeconds(60));
    MutableClock clockB = clockA.sameTime();
    RecordingPlayer playerA = new RecordingPlayer();
    RecordingPlayer playerB = new RecordingPlayer();
    setAlarm(alarm("07:00", EVERY_DAY, VIENNA));
    deploy(clockA, playerA);
    deploy(clockB, playerB);

    int days = 5;
    for (int day = 0; day < days; day++) {
      Instant occurrence = MONDAY_0700.plus(Duration.ofDays(day));
      awaitPlanned(occurrence);
      clockA.set(occurrence);
      int played = day + 1;
      waitUntil("occurrence " + occurrence + " played",
          () -> playerA.played().size() + playerB.played().size() >= played);
      // Each scheduler reads the clock again only once its claim is settled.
      awaitClockChecks(clockA, 3);
      awaitClockChecks(clockB, 3);
      assertEquals(played, playerA.played().size() + playerB.played().size(), "plays after " + occurrence);
    }
    waitUntil("every fired event", () -> published.size() == days);
    assertEquals(days, published.stream().map(AlarmFired::occurrence).distinct().count());
  }

  @Test
  void aManualTriggerFiresNowAndNeverDisables() {
    Instant now = MONDAY_0700.minus(Duration.ofHours(2));
    MutableClock clock = new MutableClock(now);
    RecordingPlayer player = new RecordingPlayer();
    deployPlanned(alarm("07:00", null, VIENNA), clock, player, MONDAY_0700);

    Message<JsonObject> reply = Await.result(vertx.eventBus().request(Addresses.ALARM_TRIGGER, new JsonObject()));
    AlarmFired fired = Json.fromJson(reply.body(), AlarmFired.class);
    assertEquals("manual-" + now, fired.occurrence());
    assertEquals(now, fired.firedAt());
    assertEquals(List.of(fired), player.played());
    assertTrue(stored().getBoolean("enabled"));
    assertNull(ledger().lastFiredOccurrence());

    clock.set(MONDAY_0700);
    waitUntil("the scheduled alarm fired too", () -> player.played().size() == 2);
    assertEquals(MONDAY_0700.toString(), player.played().get(1).occurrence());
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private static JsonObject alarm(String time, JsonArray weekdays, String zone) {
    return new JsonObject().put("enabled", true).put("time", time).put("weekdays", weekdays).put("timezone", zone)
        .put("playlist_uri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M").put("device_name", "Bedroom");
  }

  /** The schedulers' bookkeeping, in the owner's internal state. */
  private SchedulerState ledger() {
    return SchedulerState.fromJson(Await.on(testContext, () -> state.load(StateSections.SCHEDULER)).value());
  }

  private static void assertNoBookkeepingIn(JsonObject config) {
    for (String key : SchedulerState.FIELDS) {
      assertFalse(config.containsKey(key), key + " in the user's config: " + config.encode());
    }
  }

  private String deploy(MutableClock clock, Player player) {
    SchedulerOptions options = new SchedulerOptions().setRecheckMaxMs(RECHECK_MS)
        .setCatchupGraceSeconds(GRACE_SECONDS);
    String id = Await.result(vertx.deployVerticle(new SchedulerVerticle(clock, player),
        new DeploymentOptions().setConfig(options.toJson())));
    schedulerDeployments.add(id);
    return id;
  }

  /** Stores the alarm, starts a scheduler and waits until it planned {@code occurrence}. */
  private String deployPlanned(JsonObject alarm, MutableClock clock, Player player, Instant occurrence) {
    setAlarm(alarm);
    String id = deploy(clock, player);
    awaitPlanned(occurrence);
    return id;
  }

  /** Patches the stored alarm; returns the new revision. */
  private long setAlarm(JsonObject fields) {
    return Await.on(testContext, () -> store.patch(fields)).revision();
  }

  private List<BackupInfo> backups() {
    return Await.on(testContext, () -> store.backups()).backups();
  }

  private JsonObject stored() {
    return Await.on(testContext, () -> store.load()).config();
  }

  private AlarmStatus status() {
    return status(0);
  }

  /** The status as of at least {@code minRevision}. */
  private AlarmStatus status(long minRevision) {
    Message<JsonObject> reply = Await.result(vertx.eventBus().request(Addresses.ALARM_STATUS,
        new JsonObject().put("min_revision", minRevision)));
    return Json.fromJson(reply.body(), AlarmStatus.class);
  }

  private void awaitPlanned(Instant occurrence) {
    waitUntil("planned " + occurrence, () -> occurrence.equals(ledger().plannedOccurrence()));
  }

  /** Waits until the scheduler has read the clock {@code n} more times, i.e. looked at the new time. */
  private static void awaitClockChecks(MutableClock clock, int n) {
    long target = clock.reads() + n;
    waitUntil(n + " more clock reads", () -> clock.reads() >= target);
  }

  private static void waitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofMillis(WAIT_MS).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
