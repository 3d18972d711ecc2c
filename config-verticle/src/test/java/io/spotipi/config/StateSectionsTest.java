package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.config.apply.StatePipeline;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.BackupInfo;
import io.spotipi.shared.message.HistoryRequest;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.LogLines;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The internal state's sections: compare-and-set, durability, and that the user's config never sees them. */
class StateSectionsTest extends StrictStoreTest {
  static final String SCHEDULER = StateSections.SCHEDULER;
  static final Instant T = Instant.parse("2026-12-01T06:30:00Z");

  static JsonObject fired(Instant at, String by) {
    return SchedulerState.NONE.withClaim(at, by).toJson();
  }

  @Test
  void aSectionNeverWrittenIsRevisionZeroAndEmpty() {
    StateDocument doc = store.state(c -> c.load(SCHEDULER));
    assertEquals(0, doc.revision());
    assertEquals(new JsonObject(), doc.value());
  }

  @Test
  void aCommitIsACompareAndSetOnTheSectionsRevisionAndALostOneCarriesTheCurrentValue() {
    StateDocument first = store.state(c -> c.commit(SCHEDULER, 0L, fired(T, "a")));
    assertEquals(1, first.revision());
    ConfigFailure lost = assertInstanceOf(ConfigFailure.class,
        store.stateFailure(c -> c.commit(SCHEDULER, 0L, fired(T, "b"))));
    assertEquals(ErrorCode.CONFLICT, lost.code());
    assertEquals(1L, lost.currentRevision());
    assertEquals(fired(T, "a"), lost.current());
    assertEquals(fired(T, "a"), store.state(c -> c.load(SCHEDULER)).value(), "the loser changed nothing");
  }

  @Test
  void stateCommitsLeaveTheUsersConfigItsRevisionEventsAndHistoryAlone() throws Exception {
    store.patch(new JsonObject().put("alarm_volume", 40));
    store.state(c -> c.commit(SCHEDULER, null, fired(T, "a")));
    store.state(c -> c.transaction(SCHEDULER, v -> v.put(SchedulerState.PLANNED_OCCURRENCE, T.plusSeconds(86_400).toString())));

    assertEquals(1, store.load().revision());
    assertFalse(store.load().has(SchedulerState.LAST_FIRED_OCCURRENCE));
    assertEquals(1, store.call(c -> c.history(new HistoryRequest(10, null))).entries().size());
    waitFor(() -> store.stateEvents.size() == 2);
    assertEquals(List.of(1L), store.events.stream().map(e -> e.revision()).toList());
    assertEquals(List.of(1L, 2L), store.stateEvents.stream().map(e -> e.revision()).toList());
    assertEquals(SCHEDULER, store.stateEvents.get(0).section());
    assertFalse(Files.readString(dir.resolve("test.json")).contains(SchedulerState.LAST_FIRED_OCCURRENCE));
  }

  @Test
  void theStateFileIsTheOwnersAloneAndNeverInABackup() throws Exception {
    store.state(c -> c.commit(SCHEDULER, null, fired(T, "a")));
    Path file = dir.resolve("test.state.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    BackupInfo backup = store.call(ConfigClient::createBackup);
    try (Stream<Path> backups = Files.list(dir.resolve("backups"))) {
      for (Path b : backups.toList()) {
        assertFalse(Files.readString(b).contains(SchedulerState.LAST_FIRED_BY), b.toString());
      }
    }
    store.state(c -> c.commit(SCHEDULER, null, fired(T.plusSeconds(60), "b")));
    store.call(c -> c.restore(backup.id()));
    assertEquals(fired(T.plusSeconds(60), "b"), store.state(c -> c.load(SCHEDULER)).value(),
        "a restore does not revert the internal state");
  }

  @Test
  void theSpotifySecretsStayInTheOwnersStateFile() throws Exception {
    JsonObject secrets = SpotifyState.credentials("the-client", "s3cr3t-secret", "s3cr3t-token", T).toJson();
    store.patch(new JsonObject().put("alarm_volume", 40));
    try (LogLines pipeline = LogLines.of(StatePipeline.class); LogLines owner = LogLines.of(ConfigVerticle.class)) {
      store.state(c -> c.commit(StateSections.SPOTIFY, null, secrets));
      store.call(ConfigClient::createBackup);
      waitFor(() -> !store.stateEvents.isEmpty());
      List<String> said = new ArrayList<>(pipeline.messages());
      said.addAll(owner.messages());
      said.add(store.load().json().toString());
      said.add(store.call(c -> c.history(new HistoryRequest(10, null))).toString());
      said.add(store.events.toString() + store.stateEvents);
      said.add(store.state(c -> c.load(StateSections.SPOTIFY)).toString());
      Path file = dir.resolve("test.state.json");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertTrue(Files.readString(file).contains("s3cr3t-token"), "the secrets are durable");
      said.add(Files.readString(dir.resolve("test.json")));
      try (Stream<Path> backups = Files.list(dir.resolve("backups"))) {
        for (Path b : backups.toList()) {
          said.add(Files.readString(b));
        }
      }
      for (String text : said) {
        assertFalse(text.contains("s3cr3t"), text);
      }
    }
    JsonObject bad = secrets.copy().put(SpotifyState.REFRESH_TOKEN, "s3cr3t token");
    ConfigFailure f = assertCode(ErrorCode.INVALID,
        store.stateFailure(c -> c.commit(StateSections.SPOTIFY, null, bad)));
    assertFalse(f.getMessage().contains("s3cr3t"), f.getMessage());
    assertEquals(secrets, store.state(c -> c.load(StateSections.SPOTIFY)).value());
  }

  @Test
  void stateSurvivesARestart() {
    store.state(c -> c.commit(SCHEDULER, null, fired(T, "a")));
    store.state(c -> c.commit(SCHEDULER, 1L, fired(T.plusSeconds(60), "a")));
    Await.result(vertx.close());
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
    StateDocument doc = store.state(c -> c.load(SCHEDULER));
    assertEquals(2, doc.revision());
    assertEquals(fired(T.plusSeconds(60), "a"), doc.value());
  }

  @Test
  void anUnusableStateFileIsMovedAsideAndTheStateStartsEmpty() throws Exception {
    store.state(c -> c.commit(SCHEDULER, null, fired(T, "a")));
    Await.result(vertx.close());
    Files.writeString(dir.resolve("test.state.json"), "{\"sections\": {\"scheduler\": {\"revision\": \"x\"}}");
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
    assertEquals(0, store.state(c -> c.load(SCHEDULER)).revision());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("test.state.json.corrupt-")).count());
    }
    assertEquals(1, store.state(c -> c.commit(SCHEDULER, 0L, fired(T, "b"))).revision());
  }

  @Test
  void badStateRequestsAreClearFailuresAndChangeNothing() {
    store.state(c -> c.commit(SCHEDULER, null, fired(T, "a")));
    assertCode(ErrorCode.BAD_REQUEST, store.stateFailure(c -> c.load("elsewhere")));
    assertCode(ErrorCode.BAD_REQUEST, store.stateFailure(c -> c.load(null)));
    assertCode(ErrorCode.BAD_REQUEST, store.stateFailure(c -> c.commit("nope", null, new JsonObject())));
    assertCode(ErrorCode.BAD_REQUEST, store.stateFailure(c -> c.commit(SCHEDULER, null, null)));
    for (JsonObject bad : List.of(new JsonObject().put(SchedulerState.LAST_FIRED_OCCURRENCE, "yesterday"),
        new JsonObject().put(SchedulerState.LAST_FIRED_BY, 7), new JsonObject().put("secret", "s3cr3t"))) {
      ConfigFailure f = assertCode(ErrorCode.INVALID, store.stateFailure(c -> c.commit(SCHEDULER, null, bad)));
      assertFalse(f.getMessage().contains("yesterday") || f.getMessage().contains("s3cr3t"), "no value echoed");
    }
    for (Object body : List.of("text", new JsonObject().put("section", 5))) {
      ReplyException e = assertInstanceOf(ReplyException.class,
          Await.failure(vertx.eventBus().request(Addresses.STATE_COMMIT, body)));
      assertEquals(ErrorCode.BAD_REQUEST.code(), e.failureCode());
    }
    StateDocument doc = store.state(c -> c.load(SCHEDULER));
    assertEquals(1, doc.revision());
    assertEquals(fired(T, "a"), doc.value());
  }

  /** Racing transactions on one section, each client on its own context: every increment lands once. */
  @Test
  void concurrentStateTransactionsLoseNoUpdate() {
    int clients = 4;
    int rounds = 25;
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Context ctx = vertx.getOrCreateContext();
      all.add(Await.call(ctx, () -> {
        StateClient c = StateClient.create(vertx, new ConfigClientOptions("racer"));
        Future<Void> chain = Future.succeededFuture();
        for (int r = 0; r < rounds; r++) {
          chain = chain.compose(v -> c.transaction(SCHEDULER, value -> {
            SchedulerState s = SchedulerState.fromJson(value);
            long next = s.lastFiredOccurrence() == null ? 1 : s.lastFiredOccurrence().getEpochSecond() + 1;
            value.put(SchedulerState.LAST_FIRED_OCCURRENCE, Instant.ofEpochSecond(next).toString());
          }).mapEmpty());
        }
        return chain;
      }));
    }
    Await.result(Future.all(all));
    StateDocument doc = store.state(c -> c.load(SCHEDULER));
    assertEquals(clients * rounds, doc.revision());
    assertEquals(Instant.ofEpochSecond(clients * rounds),
        SchedulerState.fromJson(doc.value()).lastFiredOccurrence());
  }

  @Test
  void aTransactionThatChangesNothingCommitsNothing() {
    store.state(c -> c.commit(SCHEDULER, null, fired(T, "a")));
    StateDocument same = store.state(c -> c.transaction(SCHEDULER, v -> v.put(SchedulerState.LAST_FIRED_BY, "a")));
    assertEquals(1, same.revision());
    assertEquals(1, store.state(c -> c.load(SCHEDULER)).revision());
  }

  @Test
  void aRepliedValueIsTheCallersCopy() {
    store.state(c -> c.commit(SCHEDULER, null, fired(T, "a")));
    store.state(c -> c.load(SCHEDULER)).value().put(SchedulerState.LAST_FIRED_BY, "changed by the caller");
    assertEquals("a", store.state(c -> c.load(SCHEDULER)).value().getString(SchedulerState.LAST_FIRED_BY));
  }

  private static ConfigFailure assertCode(ErrorCode code, Throwable t) {
    ConfigFailure f = assertInstanceOf(ConfigFailure.class, t);
    assertEquals(code, f.code(), f.toString());
    return f;
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(condition.getAsBoolean(), "not in time");
  }
}
