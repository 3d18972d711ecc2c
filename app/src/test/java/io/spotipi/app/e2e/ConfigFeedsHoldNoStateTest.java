package io.spotipi.app.e2e;

import static io.spotipi.app.e2e.SpotiPiStack.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.Json;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.StateDocument;
import io.spotipi.shared.message.StateLoadRequest;
import io.spotipi.shared.testing.Await;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config's feeds (its Server-Sent Events, live and replayed, and its history) tell of the user's
 * config only: a one-time alarm that fires makes the scheduler commit its bookkeeping to the state
 * section several times, and none of that shows in them, neither as a key nor as an event of its own.
 */
class ConfigFeedsHoldNoStateTest {
  private static final Instant MONDAY_0700 = OffsetDateTime.parse("2026-11-30T07:00+01:00").toInstant();
  private static final Instant DUE = OffsetDateTime.parse("2026-11-30T07:02+01:00").toInstant();
  private static final Pattern EVENT_ID = Pattern.compile("(?m)^id: (\\d+)$");
  private static final Pattern EVENT_DATA = Pattern.compile("(?m)^data: (.*)$");
  /** Every name of the internal state as a key: the scheduler's fields and the sections. */
  private static final List<String> STATE_KEYS =
      Stream.concat(SchedulerState.FIELDS.stream(), StateSections.ALL.stream()).toList();

  private SpotiPiStack node;
  private HttpClient http;

  @Test
  void theEventsAndTheHistoryOfAFiredAlarmCarryNoSchedulerState(@TempDir Path dataDir) {
    try (SpotiPiStack stack = SpotiPiStack.withoutSpotify(dataDir, MONDAY_0700)) {
      node = stack;
      http = stack.vertx.createHttpClient();
      fireAndReadTheFeeds();
    }
  }

  private void fireAndReadTheFeeds() {
    StringBuffer live = watch(null);
    JsonObject alarm = new JsonObject().put("enabled", true).put("time", "07:02").putNull("weekdays")
        .put("timezone", "Europe/Vienna");
    assertEquals(200, node.putJson("/api/alarm", alarm).statusCode());
    node.clock.set(DUE);
    awaitTrue("the alarm to fire", () -> !node.fired.isEmpty());
    awaitTrue("the one-time alarm to switch itself off", () -> Boolean.FALSE.equals(node.configValue("enabled")));
    awaitTrue("the claim and its switch-off recorded", () -> schedulerState().revision() >= 3
        && !schedulerState().value().containsKey(SchedulerState.PENDING_DISABLE));
    long revision = Long.parseLong(node.get("/api/config").getHeader("ETag").replace("\"", ""));

    HttpResponse<Buffer> history = node.get("/api/config/history?limit=1000");
    assertEquals(200, history.statusCode());
    assertNoFieldIn("the history", history.bodyAsString());
    JsonArray entries = history.bodyAsJsonArray();
    assertEquals(revision, entries.size(), "one entry per config commit: " + entries.encode());
    entries.forEach(e -> assertNoStateKeys((JsonObject) e));

    StringBuffer replayed = watch("0");
    awaitTrue("the replay up to revision " + revision, () -> eventIds(replayed).contains(revision));
    awaitTrue("the live events up to revision " + revision, () -> eventIds(live).contains(revision));
    for (StringBuffer stream : List.of(live, replayed)) {
      assertEquals(LongStream.rangeClosed(1, revision).boxed().toList(), eventIds(stream),
          "one event per config commit, none for a state commit: " + stream);
      assertNoFieldIn("the events", stream.toString());
      Matcher data = EVENT_DATA.matcher(stream);
      while (data.find()) {
        assertNoStateKeys(new JsonObject(data.group(1)));
      }
    }
  }

  /** Reads {@code GET /api/config/events} (from {@code Last-Event-ID} when given) into a growing text. */
  private StringBuffer watch(String lastEventId) {
    StringBuffer text = new StringBuffer();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (lastEventId != null) {
      headers.add("Last-Event-ID", lastEventId);
    }
    HttpClientResponse response = Await.result(http.request(new RequestOptions().setMethod(HttpMethod.GET)
        .setHost("127.0.0.1").setPort(node.port).setURI("/api/config/events").setHeaders(headers))
        .compose(req -> req.send())
        // On the event loop, at once: no chunk comes before it.
        .onSuccess(r -> r.handler(chunk -> text.append(chunk.toString()))));
    assertEquals(200, response.statusCode());
    return text;
  }

  private static List<Long> eventIds(StringBuffer stream) {
    List<Long> ids = new ArrayList<>();
    Matcher m = EVENT_ID.matcher(stream.toString());
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  /** A history entry or an event: its changed keys name no state field and no section. */
  private static void assertNoStateKeys(JsonObject entry) {
    JsonArray changed = entry.getJsonArray("changed_keys");
    assertFalse(changed.isEmpty(), "a commit changed something: " + entry.encode());
    for (String key : STATE_KEYS) {
      assertFalse(changed.contains(key), key + " in " + entry.encode());
    }
  }

  /** No scheduler field anywhere in the text (a section name may be an origin: "scheduler"). */
  private static void assertNoFieldIn(String what, String text) {
    assertTrue(text.contains("changed_keys"), what + " is empty: " + text);
    for (String field : SchedulerState.FIELDS) {
      assertFalse(text.contains(field), field + " in " + what + ": " + text);
    }
  }

  private StateDocument schedulerState() {
    return Await.result(node.vertx.eventBus().request(Addresses.STATE_LOAD, new StateLoadRequest(StateSections.SCHEDULER))
        .map(m -> Json.fromJson(m.body(), StateDocument.class)));
  }
}
