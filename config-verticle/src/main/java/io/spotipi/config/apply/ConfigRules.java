package io.spotipi.config.apply;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSchema;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.JsonMergePatch;
import io.spotipi.shared.JsonValues;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a commit turns one state into the next: pure functions of the defaults, the current state and
 * the request. No Vert.x context, no I/O.
 */
public final class ConfigRules {
  /** The defaults shipped in the jar. */
  public static final String BUILT_IN_DEFAULTS = "/spotipi/default-config.json";
  /** The key the store keeps for its bookkeeping in a stored file; a client may not write it. */
  public static final String META = "_meta";

  private final JsonObject defaults;
  private final ConfigValidator validator;

  ConfigRules(JsonObject defaults, ConfigValidator validator) {
    this.defaults = defaults.copy();
    this.validator = validator;
  }

  /** The rules over the built-in defaults. Compiles the schema: slow the first time, keep it off an event loop. */
  public static ConfigRules builtIn() {
    return new ConfigRules(new JsonObject(ConfigSchema.read(BUILT_IN_DEFAULTS)), new ConfigValidator());
  }

  /**
   * These rules with their defaults overlaid by {@code custom} (a data dir's own defaults file).
   *
   * @throws ConfigFailure INVALID when the overlaid defaults do not satisfy the schema
   */
  public ConfigRules withDefaults(JsonObject custom) {
    JsonObject merged = defaults.copy().mergeIn(custom);
    merged.remove(META);
    requireValid(validator.validate(merged));
    return new ConfigRules(merged, validator);
  }

  /** The defaults alone, at {@code revision}: a store with no user file. */
  public StoreState defaultsAt(long revision) {
    return new StoreState(revision, effective(new JsonObject()), new JsonObject(), null);
  }

  /**
   * A stored revision of the user's keys as a state, in canonical form.
   *
   * @throws ConfigFailure INVALID when the effective document does not satisfy the schema
   */
  public StoreState state(long revision, JsonObject userKeys, Instant savedAt, long epoch) {
    JsonObject effective = effective(userKeys);
    requireValid(validator.validate(effective));
    normalize(effective);
    return new StoreState(revision, effective, overrides(effective), savedAt, epoch);
  }

  /** The next document and what changed, computed from a valid request. */
  record Applied(JsonObject effective, JsonObject overrides, List<String> changedKeys) {
  }

  JsonObject defaults() {
    return defaults.copy();
  }

  /**
   * Applies a request to the current state: a whole document replaces the user's keys (keys left out
   * fall back to their defaults); a merge patch edits the current document (a null resets a key to its
   * default). The result must satisfy the schema.
   *
   * @throws ConfigFailure BAD_REQUEST for a malformed request, INVALID with every field error
   */
  Applied apply(StoreState current, CommitRequest request) {
    if ((request.config() == null) == (request.patch() == null)) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST, "a commit carries exactly one of config or patch");
    }
    if (JsonValues.deeperThan(request.config() != null ? request.config() : request.patch(), JsonValues.MAX_DEPTH)) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST, "the document nests deeper than " + JsonValues.MAX_DEPTH + " levels");
    }
    return request.config() != null ? replace(current.effective(), request.config()) : patch(current, request.patch());
  }

  private Applied replace(JsonObject current, JsonObject userKeys) {
    JsonObject next = effective(userKeys);
    requireValid(validator.validate(next));
    normalize(next);
    return new Applied(next, overrides(next), changedKeys(current, next));
  }

  /**
   * RFC 7396 at the top level, with a reset falling back to its default. Only the patch's keys can
   * change, so only they are merged, checked, compared and re-derived; every other value is shared with
   * the current state, which nothing mutates. A small patch thus costs the owner's event loop about the
   * same whatever the size of the document.
   */
  private Applied patch(StoreState current, JsonObject patch) {
    JsonObject before = current.effective();
    JsonObject next = shallowCopy(before);
    for (Map.Entry<String, Object> e : patch) {
      String key = e.getKey();
      if (e.getValue() != null) {
        next.put(key, JsonMergePatch.apply(before.getValue(key), e.getValue()));
      } else if (defaults.containsKey(key)) {
        next.put(key, JsonValues.copy(defaults.getValue(key)));
      } else {
        next.remove(key);
      }
    }
    requireValid(validator.validateKeys(next, patch.fieldNames()));
    normalize(next);
    List<String> changed = changedAmong(before, next, patch.fieldNames());
    JsonObject overrides = shallowCopy(current.overrides());
    for (String key : changed) {
      if (next.containsKey(key) && overrides(key, next.getValue(key))) {
        overrides.put(key, next.getValue(key));
      } else {
        overrides.remove(key);
      }
    }
    return new Applied(next, overrides, changed);
  }

  private static void requireValid(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ConfigFailure.invalid(errors);
    }
  }

  List<FieldError> validate(JsonObject effective) {
    return validator.validate(effective);
  }

  /** Defaults overlaid by the given keys (top-level keys replace). */
  JsonObject effective(JsonObject userKeys) {
    JsonObject doc = defaults.copy();
    userKeys.forEach(e -> doc.put(e.getKey(), JsonValues.copy(e.getValue())));
    return doc;
  }

  /**
   * The keys whose value differs from the default: what the user's file holds. It shares values with
   * {@code effective}; neither is ever mutated once built.
   */
  JsonObject overrides(JsonObject effective) {
    JsonObject out = new JsonObject();
    effective.forEach(e -> {
      if (overrides(e.getKey(), e.getValue())) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  private boolean overrides(String key, Object value) {
    return !defaults.containsKey(key) || !Objects.equals(defaults.getValue(key), value);
  }

  /** Top-level keys added, removed or changed, sorted. */
  static List<String> changedKeys(JsonObject before, JsonObject after) {
    Set<String> keys = new HashSet<>(before.fieldNames());
    keys.addAll(after.fieldNames());
    return changedAmong(before, after, keys);
  }

  /** Those of {@code keys} added, removed or changed, sorted. */
  private static List<String> changedAmong(JsonObject before, JsonObject after, Collection<String> keys) {
    TreeSet<String> changed = new TreeSet<>();
    for (String k : keys) {
      if (before.containsKey(k) != after.containsKey(k) || !Objects.equals(before.getValue(k), after.getValue(k))) {
        changed.add(k);
      }
    }
    return new ArrayList<>(changed);
  }

  /** A new top-level map holding the same values: for building the next state from an immutable one. */
  private static JsonObject shallowCopy(JsonObject o) {
    return new JsonObject(new LinkedHashMap<>(o.getMap()));
  }

  /** Canonical forms the schema cannot impose: weekdays are stored sorted. */
  static void normalize(JsonObject doc) {
    if (doc.getValue(ConfigKeys.WEEKDAYS) instanceof JsonArray days && days.size() > 1) {
      List<Integer> sorted = new ArrayList<>();
      days.forEach(d -> sorted.add(((Number) d).intValue()));
      sorted.sort(null);
      doc.put(ConfigKeys.WEEKDAYS, new JsonArray(new ArrayList<Object>(sorted)));
    }
  }
}
