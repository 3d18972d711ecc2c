package io.spotipi.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigSchema;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {
  final ConfigRules rules = new ConfigRules(
      new JsonObject(ConfigSchema.read(StartupLoader.BUILT_IN_DEFAULTS)), new ConfigValidator());
  final JsonObject defaults = rules.defaults();

  @Test
  void aPatchEditsTheCurrentDocumentAndReportsTheChangedKeys() {
    ConfigRules.Applied a = rules.apply(defaults,
        CommitRequest.patch(null, new JsonObject().put("alarm_volume", 40).put("time", "07:00"), "t"));
    assertEquals(40, a.effective().getInteger("alarm_volume"));
    assertEquals(new JsonObject().put("alarm_volume", 40), a.overrides());
    assertEquals(List.of("alarm_volume"), a.changedKeys());
  }

  @Test
  void aWholeDocumentFallsBackToDefaultsForMissingKeys() {
    JsonObject current = defaults.copy().put("shuffle", true).put("extra", 1);
    ConfigRules.Applied a = rules.apply(current, CommitRequest.replace(null, new JsonObject().put("time", "06:00"), "t"));
    assertEquals(false, a.effective().getBoolean("shuffle"));
    assertEquals(List.of("extra", "shuffle", "time"), a.changedKeys());
    assertEquals(new JsonObject().put("time", "06:00"), a.overrides());
  }

  @Test
  void nestedMergePatchesReachIntoObjects() {
    JsonObject current = defaults.copy().put("last_known_devices", new JsonObject().put("a", "A").put("b", "B"));
    ConfigRules.Applied a = rules.apply(current, CommitRequest.patch(null,
        new JsonObject().put("last_known_devices", new JsonObject().putNull("a").put("c", "C")), "t"));
    assertEquals(new JsonObject().put("b", "B").put("c", "C"), a.effective().getJsonObject("last_known_devices"));
  }

  @Test
  void weekdaysAreSortedAndTheInputIsNotMutated() {
    JsonObject patch = new JsonObject().put("weekdays", new JsonArray().add(5).add(1));
    ConfigRules.Applied a = rules.apply(defaults, CommitRequest.patch(null, patch, "t"));
    assertEquals(new JsonArray().add(1).add(5), a.effective().getJsonArray("weekdays"));
    assertEquals(new JsonArray().add(5).add(1), patch.getJsonArray("weekdays"));
  }

  @Test
  void aRequestNeedsExactlyOneOfConfigAndPatch() {
    ConfigFailure none = assertThrows(ConfigFailure.class,
        () -> rules.apply(defaults, new CommitRequest(null, null, null, "t")));
    assertEquals(ErrorCode.BAD_REQUEST, none.code());
    ConfigFailure both = assertThrows(ConfigFailure.class,
        () -> rules.apply(defaults, new CommitRequest(null, new JsonObject(), new JsonObject(), "t")));
    assertEquals(ErrorCode.BAD_REQUEST, both.code());
  }

  @Test
  void fieldNamesFromJsonPointers() {
    assertEquals("weekdays[2]", ConfigValidator.field("/weekdays/2"));
    assertEquals("env_defaults.a/b", ConfigValidator.field("/env_defaults/a~1b"));
    assertEquals("", ConfigValidator.field(""));
  }
}
