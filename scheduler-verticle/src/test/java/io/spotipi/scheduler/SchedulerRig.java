package io.spotipi.scheduler;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.Json;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmStatus;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per test: a Vert.x, the real config owner on a temp dir, schedulers deployed on it with hand-set
 * clocks, a recorder of {@code spotipi.alarm.fired}, and the reads a scheduler test checks with.
 * Nothing waits for real time to pass except for a scheduler to look at its clock again. Registered
 * as a field: {@code @RegisterExtension final SchedulerRig rig = new SchedulerRig();}.
 */
final class SchedulerRig implements BeforeEachCallback, AfterEachCallback {
  static final long RECHECK_MS = 10;
  static final long GRACE_SECONDS = 600;
  static final long WAIT_MS = 10_000;
  static final JsonArray EVERY_DAY = new JsonArray(List.of(0, 1, 2, 3, 4, 5, 6));
  static final String VIENNA = "Europe/Vienna";
  /** A Monday in Vienna, far from any DST change. */
  static final Instant MONDAY_0700 = at("2026-11-30T07:00+01:00");

  final List<AlarmFired> published = new CopyOnWriteArrayList<>();
  final List<JsonObject> publishedJson = new CopyOnWriteArrayList<>();
  private final List<String> schedulerDeployments = new CopyOnWriteArrayList<>();
  Vertx vertx;
  private Path dataDir;
  private Context testContext;
  private ConfigClient store;
  private StateClient state;
  private String storeDeployment;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("scheduler-test");
    vertx = TestVertx.strict();
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
  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    for (String id : schedulerDeployments) {
      if (vertx.deploymentIDs().contains(id)) {
        Await.result(vertx.undeploy(id));
      }
    }
    Await.result(vertx.undeploy(storeDeployment));
    Await.result(vertx.close());
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static JsonObject alarm(String time, JsonArray weekdays, String zone) {
    return new JsonObject().put("enabled", true).put("time", time).put("weekdays", weekdays).put("timezone", zone)
        .put("playlist_uri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M").put("device_name", "Bedroom");
  }

  /** What every test scheduler runs with: a quick look at the clock, the default grace period. */
  static SchedulerOptions options() {
    return new SchedulerOptions().setRecheckMaxMs(RECHECK_MS).setCatchupGraceSeconds(GRACE_SECONDS);
  }

  String deploy(MutableClock clock, Player player) {
    return deploy(new SchedulerVerticle(clock, player), options());
  }

  String deploy(SchedulerVerticle scheduler, SchedulerOptions options) {
    String id = Await.result(vertx.deployVerticle(scheduler, new DeploymentOptions().setConfig(options.toJson())));
    schedulerDeployments.add(id);
    return id;
  }

  /** Stores the alarm, starts a scheduler and waits until it planned {@code occurrence}. */
  String deployPlanned(JsonObject alarm, MutableClock clock, Player player, Instant occurrence) {
    setAlarm(alarm);
    String id = deploy(clock, player);
    awaitPlanned(occurrence);
    return id;
  }

  /** Patches the stored alarm; returns the new revision. */
  long setAlarm(JsonObject fields) {
    return Await.on(testContext, () -> store.patch(fields)).revision();
  }

  List<BackupInfo> backups() {
    return Await.on(testContext, () -> store.backups()).backups();
  }

  /** Restores a backup; returns the config it brought back. */
  JsonObject restore(String backupId) {
    return Await.on(testContext, () -> store.restore(backupId)).config();
  }

  long revision() {
    return Await.on(testContext, () -> store.load()).revision();
  }

  JsonObject stored() {
    return Await.on(testContext, () -> store.load()).config();
  }

  /** The schedulers' bookkeeping, in the owner's internal state. */
  SchedulerState ledger() {
    return SchedulerState.fromJson(Await.on(testContext, () -> state.load(StateSections.SCHEDULER)).value());
  }

  static void assertNoBookkeepingIn(JsonObject config) {
    for (String key : SchedulerState.FIELDS) {
      assertFalse(config.containsKey(key), key + " in the user's config: " + config.encode());
    }
  }

  AlarmStatus status() {
    return status(0);
  }

  /** The status as of at least {@code minRevision}. */
  AlarmStatus status(long minRevision) {
    Message<JsonObject> reply = Await.result(vertx.eventBus().request(Addresses.ALARM_STATUS,
        new JsonObject().put("min_revision", minRevision)));
    return Json.fromJson(reply.body(), AlarmStatus.class);
  }

  void awaitPlanned(Instant occurrence) {
    waitUntil("planned " + occurrence, () -> occurrence.equals(ledger().plannedOccurrence()));
  }

  /** Waits until the scheduler has read the clock {@code n} more times, i.e. looked at the new time. */
  static void awaitClockChecks(MutableClock clock, int n) {
    long target = clock.reads() + n;
    waitUntil(n + " more clock reads", () -> clock.reads() >= target);
  }

  static void waitUntil(String what, BooleanSupplier condition) {
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
