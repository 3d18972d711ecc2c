package io.spotipi.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small helpers on Vert.x JSON values. */
public final class JsonValues {
  private JsonValues() {
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
