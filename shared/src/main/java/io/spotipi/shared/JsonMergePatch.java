package io.spotipi.shared;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * RFC 7396 JSON merge patch on Vert.x JSON values, never mutating its inputs.
 *
 * <p>Written by hand on purpose: the RFC defines the algorithm in ten lines (section 2), and the
 * maintained Java implementation (JSON-P's {@code Json.createMergePatch}) works on a second JSON object
 * model that every commit would have to convert to and back. The RFC's appendix A examples are the
 * unit test.
 */
public final class JsonMergePatch {
  private JsonMergePatch() {
  }

  /** The result of applying {@code patch} to {@code target}; a non-object patch replaces the target. */
  public static Object apply(Object target, Object patch) {
    if (!(patch instanceof JsonObject p)) {
      return JsonValues.copy(patch);
    }
    JsonObject result = target instanceof JsonObject t ? t.copy() : new JsonObject();
    for (Map.Entry<String, Object> e : p) {
      if (e.getValue() == null) {
        result.remove(e.getKey());
      } else {
        result.put(e.getKey(), apply(result.getValue(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /** {@link #apply} for the common case of an object target and an object patch. */
  public static JsonObject apply(JsonObject target, JsonObject patch) {
    return (JsonObject) apply((Object) target, patch);
  }

}
