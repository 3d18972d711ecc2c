package io.spotipi.config.impl;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.JsonMergePatch;
import io.spotipi.shared.JsonValues;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How a commit turns one document into the next: pure functions of the defaults, the current
 * effective document and the request. No Vert.x context, no I/O.
 */
public final class ConfigRules {
  private final JsonObject defaults;
  private final ConfigValidator validator;

  public ConfigRules(JsonObject defaults, ConfigValidator validator) {
    this.defaults = defaults.copy();
    this.validator = validator;
  }

  /** The next document and what changed, computed from a valid request. */
  public record Applied(JsonObject effective, JsonObject overrides, List<String> changedKeys) {
  }

  public JsonObject defaults() {
    return defaults.copy();
  }

  /**
   * Applies a request to the current effective document: a whole document replaces the user's keys
   * (keys left out fall back to their defaults); a merge patch edits the current document (a null
   * resets a key to its default). The result must satisfy the schema.
   *
   * @throws ConfigFailure BAD_REQUEST for a malformed request, INVALID with every field error
   */
  public Applied apply(JsonObject current, CommitRequest request) {
    if ((request.config() == null) == (request.patch() == null)) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST, "a commit carries exactly one of config or patch");
    }
    if (JsonValues.deeperThan(request.config() != null ? request.config() : request.patch(), JsonValues.MAX_DEPTH)) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST, "the document nests deeper than " + JsonValues.MAX_DEPTH + " levels");
    }
    JsonObject next = request.config() != null
        ? effective(request.config())
        : withDefaultsFor(JsonMergePatch.apply(current, request.patch()), request.patch());
    List<FieldError> errors = validate(next);
    if (!errors.isEmpty()) {
      throw ConfigFailure.invalid(errors);
    }
    normalize(next);
    return new Applied(next, overrides(next), changedKeys(current, next));
  }

  public List<FieldError> validate(JsonObject effective) {
    return validator.validate(effective);
  }

  /** Defaults overlaid by the given keys (top-level keys replace). */
  public JsonObject effective(JsonObject userKeys) {
    JsonObject doc = defaults.copy();
    userKeys.forEach(e -> doc.put(e.getKey(), JsonValues.copy(e.getValue())));
    return doc;
  }

  /** A merge patch's nulls removed keys from the document: they fall back to their defaults. */
  private JsonObject withDefaultsFor(JsonObject patched, JsonObject patch) {
    patch.forEach(e -> {
      if (e.getValue() == null && defaults.containsKey(e.getKey())) {
        patched.put(e.getKey(), JsonValues.copy(defaults.getValue(e.getKey())));
      }
    });
    return patched;
  }

  /**
   * The keys whose value differs from the default: what the user's file holds. It shares values with
   * {@code effective}; neither is ever mutated once built.
   */
  public JsonObject overrides(JsonObject effective) {
    JsonObject out = new JsonObject();
    effective.forEach(e -> {
      if (!defaults.containsKey(e.getKey()) || !Objects.equals(defaults.getValue(e.getKey()), e.getValue())) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  /** Top-level keys added, removed or changed, sorted. */
  public static List<String> changedKeys(JsonObject before, JsonObject after) {
    TreeSet<String> keys = new TreeSet<>();
    after.fieldNames().stream()
        .filter(k -> !before.containsKey(k) || !Objects.equals(before.getValue(k), after.getValue(k)))
        .forEach(keys::add);
    before.fieldNames().stream().filter(k -> !after.containsKey(k)).forEach(keys::add);
    return new ArrayList<>(keys);
  }

  /** Canonical forms the schema cannot impose: weekdays are stored sorted. */
  static void normalize(JsonObject doc) {
    if (doc.getValue("weekdays") instanceof JsonArray days && days.size() > 1) {
      List<Integer> sorted = new ArrayList<>();
      days.forEach(d -> sorted.add(((Number) d).intValue()));
      sorted.sort(null);
      doc.put("weekdays", new JsonArray(new ArrayList<Object>(sorted)));
    }
  }
}
