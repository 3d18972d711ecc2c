package io.spotipi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.spotipi.shared.JsonValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request bodies as JSON values, refusing what must never reach the store: a wrong or missing media
 * type (415), bytes that are not one JSON value (400), values JSON files cannot carry back out
 * (non-finite numbers, unpaired UTF-16 surrogates), and nesting deeper than any config needs (a deep
 * document costs every recursive walk downstream: validation, merge, copies). Pure functions of the
 * header and the bytes.
 */
final class RequestBody {
  private RequestBody() {
  }

  /** Largest accepted body; larger ones get 413 from the body handler. */
  static final int LIMIT_BYTES = 64 * 1024;
  static final List<String> JSON = List.of("application/json");
  static final List<String> MERGE_PATCH = List.of("application/merge-patch+json", "application/json");
  static final List<String> FORM = List.of(FormBody.URLENCODED, FormBody.MULTIPART);
  /** Deepest accepted nesting of objects and arrays (the config's own values are at most 3 deep). */
  static final int MAX_DEPTH = JsonValues.MAX_DEPTH;

  /** @throws Problem 415 unless the Content-Type's media type is one of {@code accepted} */
  static void requireMediaType(String contentType, List<String> accepted) {
    String type = contentType == null ? "" : contentType;
    int semi = type.indexOf(';');
    type = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    if (!accepted.contains(type)) {
      Problem p = Problem.of(415, (contentType == null ? "a body needs a Content-Type" : "Content-Type " + type
          + " is not accepted here") + "; send " + String.join(" or ", accepted));
      throw accepted == MERGE_PATCH ? p.header("Accept-Patch", String.join(", ", MERGE_PATCH)) : p;
    }
  }

  /** The body as any JSON value. */
  static Object json(String contentType, Buffer body, List<String> accepted) {
    requireMediaType(contentType, accepted);
    if (body == null || body.length() == 0) {
      throw Problem.of(400, "the request body is empty; send a JSON value");
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw Problem.of(400, "the body is not valid JSON" + where(e));
    }
    checkStorable(value, "", 0);
    return value;
  }

  /** The body as a JSON object. */
  static JsonObject jsonObject(String contentType, Buffer body, List<String> accepted) {
    Object value = json(contentType, body, accepted);
    if (!(value instanceof JsonObject o)) {
      throw Problem.of(400, "the body must be a JSON object, got " + typeName(value));
    }
    return o;
  }

  /** The body of a route that takes {@link #JSON}, as a JSON object. */
  static JsonObject jsonObject(RoutingContext rc) {
    return jsonObject(rc.request().getHeader(HttpHeaders.CONTENT_TYPE), rc.body().buffer(), JSON);
  }

  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof JsonObject) {
      return "an object";
    }
    if (value instanceof JsonArray) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    return value instanceof Boolean ? "a boolean" : "a number";
  }

  private static void checkStorable(Object value, String pointer, int depth) {
    if ((value instanceof JsonObject || value instanceof JsonArray) && depth >= MAX_DEPTH) {
      throw Problem.of(400, "the body nests objects and arrays deeper than " + MAX_DEPTH + " levels");
    }
    if (value instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        checkText(e.getKey(), pointer);
        checkStorable(e.getValue(), pointer + "/" + e.getKey(), depth + 1);
      }
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        checkStorable(a.getValue(i), pointer + "/" + i, depth + 1);
      }
    } else if (value instanceof String s) {
      checkText(s, pointer);
    } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
      throw Problem.of(400, "number out of range at '" + pointer + "'");
    }
  }

  private static void checkText(String s, String pointer) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw Problem.of(400, "unpaired UTF-16 surrogate at '" + pointer + "'");
      }
    }
  }

  /**
   * Where the parser stopped, never what it found there: the body may hold a secret (Spotify
   * credentials), and a problem detail must not echo it.
   */
  private static String where(DecodeException e) {
    if (e.getCause() instanceof JsonProcessingException j && j.getLocation() != null) {
      return " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
    }
    return "";
  }
}
