package io.spotipi.scheduler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.message.AlarmSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmTest {
  private static JsonObject config() {
    return new JsonObject().put("enabled", true).put("time", "7:05").put("weekdays", new JsonArray().add(0).add(4))
        .put("timezone", "Europe/Vienna").put("playlist_uri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M")
        .put("device_name", "Kitchen").put("alarm_volume", 35).put("fade_in", true).put("shuffle", true);
  }

  @Test
  void parsesEveryAlarmField() {
    Alarm alarm = Alarm.parse(config());
    assertTrue(alarm.enabled());
    assertEquals(LocalTime.of(7, 5), alarm.time());
    assertEquals("07:05", alarm.timeText());
    assertEquals(ZoneId.of("Europe/Vienna"), alarm.zone());
    assertFalse(alarm.oneTime());
    assertEquals(new AlarmSpec("07:05", List.of(0, 4), "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", "Kitchen", 35,
        true, true), alarm.toSpec());
  }

  @Test
  void nullOrEmptyWeekdaysMakeAOneTimeAlarm() {
    assertTrue(Alarm.parse(config().putNull("weekdays")).oneTime());
    assertTrue(Alarm.parse(config().put("weekdays", new JsonArray())).oneTime());
  }

  @Test
  void aMissingZoneMeansUtcNotTheMachineZone() {
    JsonObject config = config();
    config.remove("timezone");
    assertEquals(ZoneOffset.UTC, Alarm.parse(config).zone());
  }

  @Test
  void aNullFieldMeansItsDefault() {
    Alarm alarm = Alarm.parse(config().putNull("enabled").putNull("alarm_volume").putNull("device_name"));
    assertFalse(alarm.enabled());
    assertEquals(Alarm.DEFAULT_VOLUME, alarm.volume());
    assertEquals("", alarm.deviceName());
  }

  @Test
  void rejectsWhatCannotBeScheduled() {
    assertThrows(IllegalArgumentException.class, () -> Alarm.parse(config().put("enabled", "yes")));
    assertThrows(IllegalArgumentException.class, () -> Alarm.parse(config().put("time", "24:00")));
    assertThrows(IllegalArgumentException.class, () -> Alarm.parse(config().put("time", "7.05")));
    assertThrows(IllegalArgumentException.class, () -> Alarm.parse(config().put("timezone", "Mars/Olympus")));
    assertThrows(IllegalArgumentException.class, () -> Alarm.parse(config().put("weekdays", new JsonArray().add(7))));
  }
}
