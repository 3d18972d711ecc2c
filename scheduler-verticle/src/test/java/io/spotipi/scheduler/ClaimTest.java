package io.spotipi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The claim mutator that makes an occurrence play exactly once among several schedulers. */
class ClaimTest {
  static final Instant AT = Instant.parse("2026-11-27T06:00:00Z");

  static JsonObject oneTimeAlarm() {
    return new JsonObject().put("enabled", true).put("time", "06:00").putNull("weekdays").put("timezone", "UTC");
  }

  @Test
  void aFreshClaimRecordsTheOccurrenceAndItsClaimantAndDisablesAOneTimeAlarm() {
    JsonObject doc = oneTimeAlarm();
    SchedulerVerticle.claim(doc, AT, "node-a/1");
    assertEquals(AT.toString(), doc.getString(SchedulerVerticle.LAST_FIRED_KEY));
    assertEquals("node-a/1", doc.getString(SchedulerVerticle.LAST_FIRED_BY_KEY));
    assertEquals(false, doc.getBoolean("enabled"));
  }

  @Test
  void anotherSchedulersClaimWins() {
    JsonObject doc = oneTimeAlarm();
    SchedulerVerticle.claim(doc, AT, "node-a/1");
    assertEquals(SchedulerVerticle.Declined.class,
        assertThrows(RuntimeException.class, () -> SchedulerVerticle.claim(doc, AT, "node-b/1")).getClass());
  }

  @Test
  void ourOwnClaimWhoseReplyWasLostIsRecognisedUnchanged() {
    JsonObject doc = oneTimeAlarm();
    SchedulerVerticle.claim(doc, AT, "node-a/1");
    JsonObject before = doc.copy();
    SchedulerVerticle.claim(doc, AT, "node-a/1"); // the retry after the owner died: no exception
    assertEquals(before, doc);
  }

  @Test
  void aDisabledOrMovedAlarmIsNotClaimed() {
    assertThrows(SchedulerVerticle.Declined.class,
        () -> SchedulerVerticle.claim(oneTimeAlarm().put("enabled", false), AT, "node-a/1"));
    assertThrows(SchedulerVerticle.Declined.class,
        () -> SchedulerVerticle.claim(oneTimeAlarm().put("time", "06:01"), AT, "node-a/1"));
  }
}
