package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule of the config schema through a real owner: the boundary value is accepted, the value
 * just past it is rejected with the field named, and a rejected commit leaves the store unchanged.
 */
class SchemaRulesTest {
  @TempDir
  static Path dir;
  static Vertx vertx;
  static StoreFixture store;

  @BeforeAll
  static void start() {
    vertx = TestVertx.strict();
    store = StoreFixture.start(vertx, dir);
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  @ParameterizedTest(name = "{0}: {1} accepted, {2} rejected")
  @CsvSource(delimiter = '|', value = {
      "enabled               | true                         | 1",
      "enabled               | false                        | \"true\"",
      "time                  | \"23:59\"                    | \"24:00\"",
      "time                  | \"0:00\"                     | \"00:60\"",
      "time                  | \"7:05\"                     | \"7:5\"",
      "playlist_uri          | \"\"                         | \"spotify:playlist:short\"",
      "playlist_uri          | \"spotify:playlist:37i9dQZF1DXcBWIGoYBM5M\" | \"spotify:show:37i9dQZF1DXcBWIGoYBM5M\"",
      "playlist_uri          | \"spotify:track:4uLU6hMCjMI75M1A2tKUQC\"    | \"spotify:track:4uLU6hMCjMI75M1A2tKUQC0\"",
      "playlist_name         | \"Morning\"                  | 5",
      "device_name           | \"Küche (Echo Dot)\"         | \"Kitchen<script>\"",
      "device_name           | \"Bedroom\"                  | \"line\\nbreak\"",
      "alarm_volume          | 0                            | -1",
      "alarm_volume          | 100                          | 101",
      "alarm_volume          | 50                           | 50.5",
      "fade_in               | true                         | \"yes\"",
      "shuffle               | false                        | \"off\"",
      "snooze_enabled        | true                         | 0",
      "debug                 | true                         | \"false\"",
      "weekdays              | [0,1,2,3,4,5,6]              | [0,7]",
      "weekdays              | []                           | [1,1]",
      "weekdays              | [6]                          | [-1]",
      "weekdays              | [0]                          | \"0,1\"",
      "snooze_minutes        | 1                            | 0",
      "snooze_minutes        | 60                           | 61",
      "snooze_window_minutes | 1                            | 0",
      "snooze_window_minutes | 480                          | 481",
      "sleep_volume          | 0                            | -1",
      "sleep_volume          | 100                          | 101",
      "sleep_default_duration| 1                            | 0",
      "sleep_default_duration| 240                          | 241",
      "sleep_playlist_uri    | \"spotify:album:1\"          | 1",
      "sleep_device_name     | \"Bedroom\"                  | false",
      "log_level             | \"CRITICAL\"                 | \"TRACE\"",
      "log_level             | \"DEBUG\"                    | \"debug\"",
      "timezone              | \"America/New_York\"         | \"Mars/Olympus_Mons\"",
      "timezone              | \"UTC\"                      | \"\"",
      "language              | \"de\"                       | [\"de\"]",
      "last_known_devices    | {\"a\":{\"name\":\"Kitchen\"}} | []",
      "env_defaults          | {\"A\":\"1\"}                | {\"A\":1}",
  })
  void boundaryAcceptedAndOnePastItRejected(String field, String good, String bad) {
    long before = store.load().revision();
    long after = store.patch(new JsonObject().put(field, Json.decodeValue(good))).revision();
    assertEquals(before + 1, after);

    assertRejected(field, Json.decodeValue(bad));
    assertEquals(after, store.load().revision(), "a rejected commit changes nothing");
    assertEquals(Json.decodeValue(good), store.load().get(field));
  }

  @ParameterizedTest(name = "{0} holds at most 100 characters")
  @ValueSource(strings = {"playlist_name", "device_name"})
  void namesAreAtMostOneHundredCharacters(String field) {
    long after = store.patch(new JsonObject().put(field, "é".repeat(100))).revision();
    assertRejected(field, "é".repeat(101));
    assertEquals(after, store.load().revision());
  }

  private static void assertRejected(String field, Object badValue) {
    ConfigFailure f = assertInstanceOf(ConfigFailure.class, store.patchFailure(new JsonObject().put(field, badValue)));
    assertEquals(ErrorCode.INVALID, f.code());
    assertTrue(f.errors().stream().map(FieldError::field).allMatch(n -> n.equals(field) || n.startsWith(field + "[")
        || n.startsWith(field + ".")), f.errors().toString());
  }
}
