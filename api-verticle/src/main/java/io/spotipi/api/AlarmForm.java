package io.spotipi.api;

import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.FieldError;
import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The original front end's {@code POST /save_alarm} form as a merge patch of every alarm field, as
 * the original replaced them all: an unchecked checkbox is absent from a form, so a missing boolean is
 * false, a missing text is empty and missing weekdays mean a one-time alarm. The values' ranges are
 * the schema's business (checked by the owner); here only their form syntax.
 */
final class AlarmForm {
  private AlarmForm() {
  }

  static final List<String> BOOLEANS = List.of(ConfigKeys.ENABLED, ConfigKeys.FADE_IN, ConfigKeys.SHUFFLE,
      ConfigKeys.SNOOZE_ENABLED);
  static final List<String> TEXTS = List.of(ConfigKeys.PLAYLIST_URI, ConfigKeys.DEVICE_NAME);

  /** @throws Problem 422 with one error per field that does not parse */
  static JsonObject toPatch(MultiMap form) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject patch = new JsonObject();
    String time = form.get(ConfigKeys.TIME);
    if (time == null || time.isBlank()) {
      errors.add(new FieldError(ConfigKeys.TIME, "required (H:MM or HH:MM)"));
    } else {
      patch.put(ConfigKeys.TIME, time.trim());
    }
    patch.put(ConfigKeys.ALARM_VOLUME, volume(form.get(ConfigKeys.ALARM_VOLUME), errors));
    for (String key : BOOLEANS) {
      Boolean b = bool(form.get(key));
      if (b == null) {
        errors.add(new FieldError(key, "must be one of true/1/on/yes or false/0/off/no"));
      }
      patch.put(key, b);
    }
    patch.put(ConfigKeys.WEEKDAYS, weekdays(form.get(ConfigKeys.WEEKDAYS), errors));
    for (String key : TEXTS) {
      String v = form.get(key);
      patch.put(key, v == null ? "" : v.trim());
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid("the alarm form has fields that do not parse", errors);
    }
    return patch;
  }

  private static Integer volume(String v, List<FieldError> errors) {
    try {
      if (v != null) {
        return Integer.valueOf(v.trim());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(ConfigKeys.ALARM_VOLUME, "required, a whole number 0..100"));
    return null;
  }

  /** A checkbox or select value; an absent one is false; {@code null} when it is not a boolean word. */
  static Boolean bool(String v) {
    if (v == null) {
      return false;
    }
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true": case "1": case "on": case "yes":
        return true;
      case "false": case "0": case "off": case "no": case "":
        return false;
      default:
        return null;
    }
  }

  private static JsonArray weekdays(String v, List<FieldError> errors) {
    if (v == null || v.isBlank() || v.trim().equals("null")) {
      return null;
    }
    try {
      if (Json.decodeValue(v) instanceof JsonArray days) {
        return days;
      }
    } catch (DecodeException e) {
      // reported below
    }
    errors.add(new FieldError(ConfigKeys.WEEKDAYS, "must be a JSON array of day numbers, 0 = Monday … 6 = Sunday"));
    return null;
  }
}
