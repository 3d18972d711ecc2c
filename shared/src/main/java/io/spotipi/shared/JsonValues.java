package io.spotipi.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small helpers on Vert.x JSON values. */
public final class JsonValues {
  private JsonValues() {
  }

  /**
   * How deep a stored document may nest objects and arrays. Deeper input is refused at the edge (HTTP,
   * event bus) before anything recursive (copying, Jackson, the validator) can overflow the stack.
   */
  public static final int MAX_DEPTH = 32;

  /**
   * An optional field holding a UTC ISO-8601 instant; null when absent.
   *
   * @throws IllegalArgumentException naming the field, never quoting its value
   */
  public static Instant instant(JsonObject value, String field) {
    Object v = value.getValue(field);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse((String) v);
    } catch (ClassCastException | DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": must be an ISO-8601 instant");
    }
  }

  /** Whether {@code value} nests objects and arrays more than {@code limit} levels deep. */
  public static boolean deeperThan(Object value, int limit) {
    if (!(value instanceof JsonObject) && !(value instanceof JsonArray)) {
      return false;
    }
    if (limit <= 0) {
      return true;
    }
    Iterable<?> children = value instanceof JsonObject o ? o.getMap().values() : ((JsonArray) value).getList();
    for (Object child : children) {
      if (deeperThan(wrap(child), limit - 1)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Object wrap(Object raw) {
    if (raw instanceof java.util.Map<?, ?> m) {
      return new JsonObject((java.util.Map<String, Object>) m);
    }
    if (raw instanceof java.util.List<?> l) {
      return new JsonArray(l);
    }
    return raw;
  }

  /** A deep copy of a JSON value: objects and arrays are copied, scalars are immutable already. */
  public static Object copy(Object value) {
    if (value instanceof JsonObject o) {
      return o.copy();
    }
    if (value instanceof JsonArray a) {
      return a.copy();
    }
    return value;
  }
}
