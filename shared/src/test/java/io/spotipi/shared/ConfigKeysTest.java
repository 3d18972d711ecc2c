package io.spotipi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key constants and the schema name the same keys: neither may gain one the other lacks. */
class ConfigKeysTest {

  @Test
  void everySchemaPropertyIsDeclaredOnceAndNothingElse() {
    List<String> schema = new ArrayList<>(ConfigSchema.json().getJsonObject("properties").fieldNames());
    assertEquals(schema, ConfigKeys.ALL);
  }

  @Test
  void theAlarmAndScheduleListsAreSchemaKeys() {
    assertTrue(ConfigKeys.ALL.containsAll(ConfigKeys.ALARM));
    assertTrue(ConfigKeys.ALARM.containsAll(ConfigKeys.SCHEDULE));
  }
}
