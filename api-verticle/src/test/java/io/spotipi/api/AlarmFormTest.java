package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmFormTest {
  private static MultiMap form(String... kv) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < kv.length; i += 2) {
      m.add(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void aCompleteFormBecomesAPatchOfEveryAlarmField() {
    JsonObject p = AlarmForm.toPatch(form("time", "6:45", "alarm_volume", "35", "enabled", "on",
        "weekdays", "[0,1,2,3,4]", "playlist_uri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M",
        "device_name", "Kitchen", "fade_in", "1", "shuffle", "yes", "snooze_enabled", "false"));
    assertEquals(new JsonObject().put("time", "6:45").put("alarm_volume", 35).put("enabled", true)
        .put("fade_in", true).put("shuffle", true).put("snooze_enabled", false)
        .put("weekdays", new JsonArray(List.of(0, 1, 2, 3, 4)))
        .put("playlist_uri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M").put("device_name", "Kitchen"), p);
  }

  @Test
  void uncheckedBoxesAreFalseAndMissingTextsEmptyAsTheOriginalReplacedEveryField() {
    JsonObject p = AlarmForm.toPatch(form("time", "07:00", "alarm_volume", "20"));
    AlarmForm.BOOLEANS.forEach(k -> assertEquals(false, p.getValue(k), k));
    AlarmForm.TEXTS.forEach(k -> assertEquals("", p.getValue(k), k));
    assertNull(p.getValue("weekdays"));
    assertEquals(true, p.containsKey("weekdays"), "null resets weekdays to a one-time alarm");
  }

  @Test
  void booleanWords() {
    for (String t : List.of("true", "1", "on", "yes", "ON", " Yes ")) {
      assertEquals(true, AlarmForm.bool(t), t);
    }
    for (String f : List.of("false", "0", "off", "no", "NO")) {
      assertEquals(false, AlarmForm.bool(f), f);
    }
    for (String bad : List.of("2", "y", "checked", "tru")) {
      assertNull(AlarmForm.bool(bad), bad);
    }
  }

  @Test
  void everyUnparsableFieldIsReportedAt422() {
    Problem p = assertThrows(Problem.class, () -> AlarmForm.toPatch(form("alarm_volume", "loud",
        "enabled", "maybe", "weekdays", "Mon,Tue", "shuffle", "2")));
    assertEquals(422, p.status());
    assertEquals(List.of("time", "alarm_volume", "enabled", "shuffle", "weekdays"),
        p.errors().stream().map(e -> e.field()).toList());
  }

  @Test
  void weekdaysMustBeAJsonArray() {
    for (String bad : List.of("{\"0\":1}", "3", "[1,2", "\"[1]\"")) {
      Problem p = assertThrows(Problem.class, () -> AlarmForm.toPatch(form("time", "7:00", "alarm_volume", "1",
          "weekdays", bad)), bad);
      assertEquals("weekdays", p.errors().get(0).field(), bad);
    }
    assertNull(AlarmForm.toPatch(form("time", "7:00", "alarm_volume", "1", "weekdays", "")).getValue("weekdays"));
    assertEquals(new JsonArray(), AlarmForm.toPatch(form("time", "7:00", "alarm_volume", "1", "weekdays", "[]"))
        .getValue("weekdays"));
  }
}
