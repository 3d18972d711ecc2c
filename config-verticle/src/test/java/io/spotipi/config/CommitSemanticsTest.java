package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.message.HistoryEntry;
import io.spotipi.shared.message.HistoryRequest;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What one commit does and refuses to do, against a real owner on real files. */
class CommitSemanticsTest extends StrictStoreTest {
  @Test
  void emptyDataDirServesTheBuiltInDefaultsAtRevisionZero() {
    ConfigSnapshot s = store.load();
    assertEquals(0, s.revision());
    assertEquals("07:00", s.get("time"));
    assertEquals(20, s.get("alarm_volume"));
    assertEquals("Europe/Vienna", s.get("timezone"));
    assertNull(s.get("weekdays"));
    assertTrue(s.has("weekdays"));
    assertFalse(Files.exists(dir.resolve("test.json")), "nothing is written before the first commit");
  }

  @Test
  void aCommitIsOnDiskWithItsRevisionAndOnlyTheChangedKeys() throws Exception {
    ConfigSnapshot s = store.patch(new JsonObject().put("alarm_volume", 55).put("time", "07:00"));
    assertEquals(1, s.revision());
    JsonObject file = new JsonObject(Files.readString(dir.resolve("test.json")));
    assertEquals(55, file.getInteger("alarm_volume"));
    assertFalse(file.containsKey("time"), "a value equal to its default is not a user key");
    assertEquals(1, file.getJsonObject("_meta").getLong("revision"));
    assertTrue(file.getJsonObject("_meta").containsKey("saved_at"));
  }

  @Test
  void aNullInAPatchResetsTheKeyToItsDefault() {
    store.patch(new JsonObject().put("alarm_volume", 55).put("custom_key", "kept"));
    ConfigSnapshot s = store.patch(new JsonObject().putNull("alarm_volume"));
    assertEquals(20, s.get("alarm_volume"));
    assertEquals("kept", s.get("custom_key"), "unknown extra keys are allowed and kept");
  }

  @Test
  void aWholeDocumentReplacesTheUserKeysAndOmittedKeysFallBack() {
    store.patch(new JsonObject().put("alarm_volume", 55).put("shuffle", true));
    ConfigSnapshot s = store.call(c -> c.commit(null, new JsonObject().put("time", "06:15")));
    assertEquals("06:15", s.get("time"));
    assertEquals(20, s.get("alarm_volume"));
    assertEquals(false, s.get("shuffle"));
  }

  @Test
  void weekdaysAreStoredSorted() {
    ConfigSnapshot s = store.patch(new JsonObject().put("weekdays", new JsonArray(List.of(4, 0, 2))));
    assertEquals(new JsonArray(List.of(0, 2, 4)), s.get("weekdays"));
  }

  @Test
  void aStaleCompareAndSetGetsConflictWithTheCurrentRevision() {
    store.patch(new JsonObject().put("alarm_volume", 30));
    store.patch(new JsonObject().put("alarm_volume", 31));
    ConfigFailure f = assertInstanceOf(ConfigFailure.class,
        Await.failure(Await.call(store.context, () -> store.client.commit(1L, new JsonObject()))));
    assertEquals(ErrorCode.CONFLICT, f.code());
    assertEquals(2L, f.currentRevision());
    assertEquals(31, store.load().get("alarm_volume"));
    assertEquals(1, store.call(c -> c.commit(2L, new JsonObject().put("alarm_volume", 1))).get("alarm_volume"));
  }

  @Test
  void aMutatorThatThrowsCommitsNothing() {
    long before = store.load().revision();
    Throwable t = Await.failure(Await.call(store.context, () -> store.client.transaction(doc -> {
      doc.put("alarm_volume", 99);
      throw new IllegalStateException("changed my mind");
    })));
    assertEquals("changed my mind", t.getMessage());
    assertEquals(before, Await.on(store.context, () -> store.client.load(before)).revision());
    assertEquals(20, store.load().get("alarm_volume"));
  }

  /** Cache misses while a load is under way share it, unless they need a newer revision than it asks for. */
  @Test
  void concurrentCacheMissesShareOneRoundTrip() {
    long rev = store.patch(new JsonObject().put("alarm_volume", 33)).revision();
    AtomicInteger loads = new AtomicInteger();
    vertx.eventBus().addOutboundInterceptor(ctx -> {
      if (Addresses.CONFIG_LOAD.equals(ctx.message().address())) {
        loads.incrementAndGet();
      }
      ctx.next();
    });
    List<ConfigSnapshot> snaps = Await.on(store.context, () -> {
      ConfigClient fresh = ConfigClient.create(vertx, new ConfigClientOptions("share-test"));
      return Future.all(fresh.load(rev), fresh.load(), fresh.load(rev), fresh.load(rev - 1))
          .map(all -> all.<ConfigSnapshot>list());
    });
    assertEquals(1, loads.get(), "four misses, one request");
    snaps.forEach(s -> assertEquals(rev, s.revision()));

    ConfigSnapshot newer = Await.on(store.context, () -> {
      ConfigClient fresh = ConfigClient.create(vertx, new ConfigClientOptions("share-test-2"));
      Future<ConfigSnapshot> first = fresh.load(rev - 1);
      return fresh.load(rev).compose(s -> first.map(f -> s));
    });
    assertEquals(rev, newer.revision());
    assertEquals(3, loads.get(), "a miss needing a newer revision than the load under way asks again");
  }

  @Test
  void snapshotsAreCopiesSoCallersCannotChangeTheCache() {
    store.patch(new JsonObject().put("last_known_devices", new JsonObject().put("a", "Kitchen")));
    ConfigSnapshot s = store.load();
    s.config().put("alarm_volume", 99);
    ((JsonObject) s.get("last_known_devices")).put("a", "changed");
    assertEquals(20, store.load().get("alarm_volume"));
    assertEquals("Kitchen", ((JsonObject) store.load().get("last_known_devices")).getString("a"));
  }

  @Test
  void anInvalidDocumentIsRejectedWithItsFieldErrorsAndNothingChanges() {
    long before = store.load().revision();
    ConfigFailure f = assertInstanceOf(ConfigFailure.class, store.patchFailure(new JsonObject()
        .put("alarm_volume", 101).put("time", "25:00").put("timezone", "Mars/Olympus")));
    assertEquals(ErrorCode.INVALID, f.code());
    List<String> fields = f.errors().stream().map(FieldError::field).sorted().toList();
    assertEquals(List.of("alarm_volume", "time", "timezone"), fields);
    assertEquals(before, store.load().revision());
    assertFalse(Files.exists(dir.resolve("test.json")));
  }

  @Test
  void theReservedMetaKeyCannotBeWritten() {
    ConfigFailure f = assertInstanceOf(ConfigFailure.class,
        store.patchFailure(new JsonObject().put("_meta", new JsonObject().put("revision", 999))));
    assertEquals(ErrorCode.INVALID, f.code());
    assertEquals("_meta", f.errors().get(0).field());
  }

  @Test
  void malformedRequestsOnTheBusAreBadRequests() {
    for (JsonObject body : List.of(
        new JsonObject().put("expectedRevision", "seven").put("patch", new JsonObject()),
        new JsonObject().put("patch", "not an object"),
        new JsonObject().put("origin", "neither config nor patch"),
        new JsonObject().put("config", new JsonObject()).put("patch", new JsonObject()))) {
      ReplyException e = assertInstanceOf(ReplyException.class,
          Await.failure(vertx.eventBus().request(Addresses.CONFIG_COMMIT, body)));
      assertEquals(ErrorCode.BAD_REQUEST.code(), e.failureCode(), body.encode());
    }
    JsonObject deep = new JsonObject();
    JsonObject inner = deep;
    for (int i = 0; i < 900; i++) { // deep enough to overflow a recursive copy or Jackson
      JsonObject next = new JsonObject();
      inner.put("x", next);
      inner = next;
    }
    ConfigFailure tooDeep = assertInstanceOf(ConfigFailure.class, store.patchFailure(new JsonObject().put("d", deep)));
    assertEquals(ErrorCode.BAD_REQUEST, tooDeep.code());
    ReplyException e = assertInstanceOf(ReplyException.class,
        Await.failure(vertx.eventBus().request(Addresses.CONFIG_LOAD, "text")));
    assertEquals(ErrorCode.BAD_REQUEST.code(), e.failureCode());
    assertEquals(0, store.load().revision());
  }

  @Test
  void eachDurableCommitIsPublishedAndRememberedInOrder() {
    store.patch(new JsonObject().put("alarm_volume", 30));
    store.patch(new JsonObject().put("time", "06:00").put("shuffle", true));
    List<HistoryEntry> history = store.call(c -> c.history(new HistoryRequest(10, null))).entries();
    assertEquals(List.of(1L, 2L), history.stream().map(HistoryEntry::revision).toList());
    assertEquals(List.of("shuffle", "time"), history.get(1).changedKeys());
    assertEquals("test", history.get(1).origin());
    assertEquals(List.of(2L), store.call(c -> c.history(new HistoryRequest(10, 1L))).entries().stream()
        .map(HistoryEntry::revision).toList());
    waitForEvents(2);
    assertEquals(List.of(1L, 2L), store.events.stream().map(e -> e.revision()).toList());
    assertEquals(List.of("alarm_volume"), store.events.get(0).changedKeys());
  }

  @Test
  void anAcknowledgedCommitSurvivesARestartOfVertx() {
    store.patch(new JsonObject().put("alarm_volume", 77));
    Await.result(vertx.close());
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
    ConfigSnapshot s = store.load();
    assertEquals(1, s.revision());
    assertEquals(77, s.get("alarm_volume"));
    assertEquals(2, store.patch(new JsonObject().put("alarm_volume", 78)).revision(),
        "revisions continue across restarts");
  }

  @Test
  void aDataDirThatDoesNotExistYetIsCreated() {
    Await.result(vertx.close());
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir.resolve("not/there/yet"));
    assertEquals(1, store.patch(new JsonObject().put("alarm_volume", 21)).revision());
    assertTrue(Files.exists(dir.resolve("not/there/yet/test.json")));
  }

  @Test
  void anOriginalSpotiPiFileWithoutMetaLoadsAsRevisionZero() throws Exception {
    Await.result(vertx.close());
    Files.writeString(dir.resolve("test.json"),
        "{\"enabled\": true, \"time\": \"06:45\", \"weekdays\": [0,1,2,3,4], \"alarm_volume\": 50}");
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
    ConfigSnapshot s = store.load();
    assertEquals(0, s.revision());
    assertEquals("06:45", s.get("time"));
    assertEquals(true, s.get("enabled"));
    assertEquals(1, store.patch(new JsonObject().put("alarm_volume", 51)).revision());
  }

  private void waitForEvents(int n) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (store.events.size() < n && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
  }
}
