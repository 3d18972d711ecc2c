package io.spotipi.config.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.JsonMergePatch;
import io.spotipi.shared.JsonValues;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {
  final ConfigRules rules = ConfigRules.builtIn();
  final JsonObject defaults = rules.defaults();

  StoreState state(JsonObject effective) {
    return new StoreState(0, effective, rules.overrides(effective), null);
  }

  @Test
  void aPatchEditsTheCurrentDocumentAndReportsTheChangedKeys() {
    ConfigRules.Applied a = rules.apply(state(defaults),
        CommitRequest.patch(null, new JsonObject().put("alarm_volume", 40).put("time", "07:00"), "t"));
    assertEquals(40, a.effective().getInteger("alarm_volume"));
    assertEquals(new JsonObject().put("alarm_volume", 40), a.overrides());
    assertEquals(List.of("alarm_volume"), a.changedKeys());
  }

  @Test
  void aWholeDocumentFallsBackToDefaultsForMissingKeys() {
    JsonObject current = defaults.copy().put("shuffle", true).put("extra", 1);
    ConfigRules.Applied a = rules.apply(state(current), CommitRequest.replace(null, new JsonObject().put("time", "06:00"), "t"));
    assertEquals(false, a.effective().getBoolean("shuffle"));
    assertEquals(List.of("extra", "shuffle", "time"), a.changedKeys());
    assertEquals(new JsonObject().put("time", "06:00"), a.overrides());
  }

  @Test
  void nestedMergePatchesReachIntoObjects() {
    JsonObject current = defaults.copy().put("last_known_devices", new JsonObject().put("a", "A").put("b", "B"));
    ConfigRules.Applied a = rules.apply(state(current), CommitRequest.patch(null,
        new JsonObject().put("last_known_devices", new JsonObject().putNull("a").put("c", "C")), "t"));
    assertEquals(new JsonObject().put("b", "B").put("c", "C"), a.effective().getJsonObject("last_known_devices"));
  }

  @Test
  void weekdaysAreSortedAndTheInputIsNotMutated() {
    JsonObject patch = new JsonObject().put("weekdays", new JsonArray().add(5).add(1));
    ConfigRules.Applied a = rules.apply(state(defaults), CommitRequest.patch(null, patch, "t"));
    assertEquals(new JsonArray().add(1).add(5), a.effective().getJsonArray("weekdays"));
    assertEquals(new JsonArray().add(5).add(1), patch.getJsonArray("weekdays"));
  }

  @Test
  void aRequestNeedsExactlyOneOfConfigAndPatch() {
    ConfigFailure none = assertThrows(ConfigFailure.class,
        () -> rules.apply(state(defaults), new CommitRequest(null, null, null, "t")));
    assertEquals(ErrorCode.BAD_REQUEST, none.code());
    ConfigFailure both = assertThrows(ConfigFailure.class,
        () -> rules.apply(state(defaults), new CommitRequest(null, new JsonObject(), new JsonObject(), "t")));
    assertEquals(ErrorCode.BAD_REQUEST, both.code());
  }

  /**
   * A patch is merged, checked and diffed on its own keys only. Against the whole-document way (merge
   * the whole document, check it all, diff every key), a long random walk of patches, valid and invalid,
   * must end in the same documents, overrides, changed keys and field errors, never touching the state
   * it started from.
   */
  @Test
  void patchesGiveWhatTheWholeDocumentWayGives() {
    Random random = new Random(42);
    StoreState current = state(defaults);
    int invalid = 0;
    for (int i = 0; i < 5_000; i++) {
      JsonObject patch = randomPatch(random);
      StoreState before = current;
      JsonObject untouched = before.effective().copy();
      JsonObject expected = JsonMergePatch.apply(current.effective(), patch);
      patch.forEach(e -> {
        if (e.getValue() == null && defaults.containsKey(e.getKey())) {
          expected.put(e.getKey(), defaults.getValue(e.getKey()));
        }
      });
      List<FieldError> expectedErrors = rules.validate(expected);
      CommitRequest request = CommitRequest.patch(null, patch, "t");
      if (!expectedErrors.isEmpty()) {
        invalid++;
        ConfigFailure f = assertThrows(ConfigFailure.class, () -> rules.apply(before, request), patch::encode);
        assertEquals(ErrorCode.INVALID, f.code());
        assertEquals(new HashSet<>(expectedErrors), new HashSet<>(f.errors()), patch::encode);
      } else {
        ConfigRules.normalize(expected);
        ConfigRules.Applied a = rules.apply(current, request);
        assertEquals(expected, a.effective(), patch::encode);
        assertEquals(rules.overrides(expected), a.overrides(), patch::encode);
        assertEquals(ConfigRules.changedKeys(current.effective(), expected), a.changedKeys(), patch::encode);
        current = new StoreState(current.revision() + 1, a.effective(), a.overrides(), null);
      }
      assertEquals(untouched, before.effective(), "the state a patch started from is unchanged");
    }
    assertTrue(invalid > 500 && invalid < 4_500, "both kinds of patch were tried: " + invalid + " invalid");
  }

  private static final List<String> KEYS = List.of("time", "alarm_volume", "weekdays", "timezone", "log_level",
      "playlist_uri", "last_known_devices", "env_defaults", "shuffle", "extra", "other", "_meta");
  private static final List<Object> VALUES = List.of(true, 7, 50, 101, -1, "07:30", "25:00", "", "DEBUG",
      "Europe/Berlin", "Mars/Olympus", "spotify:playlist:0123456789abcdefABCDEF", new JsonArray().add(5).add(1),
      new JsonArray().add(1).add(1), new JsonArray().add("x"), new JsonObject().put("a", "A"),
      new JsonObject().put("a", 1), new JsonObject().putNull("a").put("b", "B"));

  private static JsonObject randomPatch(Random random) {
    JsonObject patch = new JsonObject();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      String key = KEYS.get(random.nextInt(KEYS.size()));
      patch.put(key, random.nextInt(6) == 0 ? null : JsonValues.copy(VALUES.get(random.nextInt(VALUES.size()))));
    }
    return patch;
  }

  @Test
  void theSharedSchemaIsCheckedOneKeyAtATimeAndAnyOtherWhole() {
    assertTrue(new ConfigValidator().checksKeysAlone());
    ConfigValidator strict = new ConfigValidator(Buffer.buffer(
        "{\"type\": \"object\", \"required\": [\"time\"], \"properties\": {\"time\": {\"type\": \"string\"}}}"));
    assertFalse(strict.checksKeysAlone());
    JsonObject withoutTime = new JsonObject().put("alarm_volume", 5);
    assertEquals(1, strict.validateKeys(withoutTime, List.of("alarm_volume")).size(), "the whole document is checked");
  }

  @Test
  void fieldNamesFromJsonPointers() {
    assertEquals("weekdays[2]", ConfigValidator.field("/weekdays/2"));
    assertEquals("env_defaults.a/b", ConfigValidator.field("/env_defaults/a~1b"));
    assertEquals("", ConfigValidator.field(""));
  }
}
