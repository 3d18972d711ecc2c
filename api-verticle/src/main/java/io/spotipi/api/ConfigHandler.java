package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigSchema;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.CommitRequest;
import io.spotipi.shared.message.HistoryEntry;
import io.spotipi.shared.message.HistoryRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /api/config}: the whole document, one key, the schema and the commit history. Reads come from
 * the near cache (the snapshot's bytes and ETag as they are); writes are one commit to the owner, a
 * compare-and-set when the client sent {@code If-Match}.
 */
final class ConfigHandler {
  static final int DEFAULT_HISTORY_LIMIT = 50;
  static final int MAX_HISTORY_LIMIT = 1000;
  private static final CharSequence SCHEMA_JSON = HttpHeaders.createOptimized("application/schema+json");
  private static final Buffer SCHEMA = ConfigSchema.bytes();

  private final ConfigClient client;

  ConfigHandler(ConfigClient client) {
    this.client = client;
  }

  void getAll(RoutingContext rc) {
    client.load().onSuccess(s -> Replies.snapshot(rc.request(), s)).onFailure(rc::fail);
  }

  /** PUT: the body is the whole user config; keys left out fall back to their defaults. */
  void replace(RoutingContext rc) {
    commitBody(rc, RequestBody.JSON, CommitRequest::replace);
  }

  /** PATCH: an RFC 7396 merge patch, applied inside the owner to the latest state. */
  void merge(RoutingContext rc) {
    commitBody(rc, RequestBody.MERGE_PATCH, CommitRequest::patch);
  }

  /** {@link CommitRequest#replace} or {@link CommitRequest#patch}. */
  private interface CommitKind {
    CommitRequest of(Long expectedRevision, JsonObject body, String origin);
  }

  private void commitBody(RoutingContext rc, List<String> mediaTypes, CommitKind kind) {
    Long expected = expectedRevision(rc);
    JsonObject body = RequestBody.jsonObject(contentType(rc), rc.body().buffer(), mediaTypes);
    client.submit(kind.of(expected, body, RequestGuard.commitOrigin(rc)))
        .onSuccess(s -> Replies.snapshot(rc.request(), s))
        .onFailure(rc::fail);
  }

  void getKey(RoutingContext rc) {
    String key = rc.pathParam("key");
    client.load().onSuccess(s -> replyKey(rc, s, key)).onFailure(rc::fail);
  }

  void putKey(RoutingContext rc) {
    Long expected = expectedRevision(rc);
    Object value = RequestBody.json(contentType(rc), rc.body().buffer(), RequestBody.JSON);
    setKey(rc, expected, rc.pathParam("key"), value);
  }

  /**
   * Back to the default: a merge patch {@code {key: null}}; a key without a default is removed. 404 only
   * for a key that is neither set nor defaulted.
   */
  void deleteKey(RoutingContext rc) {
    Long expected = expectedRevision(rc);
    String key = rc.pathParam("key");
    client.load().onSuccess(s -> {
      if (!s.has(key)) {
        rc.fail(noSuchKey(key));
      } else {
        setKey(rc, expected, key, null);
      }
    }).onFailure(rc::fail);
  }

  private void setKey(RoutingContext rc, Long expected, String key, Object value) {
    JsonObject patch = new JsonObject().put(key, value);
    client.submit(CommitRequest.patch(expected, patch, RequestGuard.commitOrigin(rc)))
        .onSuccess(s -> replyValue(rc, s, key))
        .onFailure(rc::fail);
  }

  private static void replyKey(RoutingContext rc, ConfigSnapshot s, String key) {
    if (!s.has(key)) {
      rc.fail(noSuchKey(key));
      return;
    }
    replyValue(rc, s, key);
  }

  /**
   * The key's value at {@code s}, with its ETag. After a commit that removed a key without a default
   * the value is {@code null}: the commit succeeded, so it is no 404.
   */
  private static void replyValue(RoutingContext rc, ConfigSnapshot s, String key) {
    rc.response().putHeader(HttpHeaders.ETAG, s.etag());
    Replies.stale(rc.response(), s.stale());
    Replies.json(rc, 200, io.vertx.core.json.Json.encodeToBuffer(s.get(key)));
  }

  private static Problem noSuchKey(String key) {
    return Problem.of(404, "'" + key + "' is neither set nor has a default");
  }

  void schema(RoutingContext rc) {
    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, SCHEMA_JSON).end(SCHEMA);
  }

  /** The newest commits, newest first. */
  void history(RoutingContext rc) {
    List<String> limits = rc.queryParams().getAll("limit");
    if (limits.size() > 1) {
      throw Problem.of(400, "limit is given " + limits.size() + " times; give it once");
    }
    int limit = historyLimit(limits.isEmpty() ? null : limits.get(0));
    client.history(new HistoryRequest(limit, null)).onSuccess(page -> {
      List<HistoryEntry> entries = page.entries();
      JsonArray out = new JsonArray();
      for (int i = entries.size() - 1; i >= 0; i--) {
        out.add(Json.toJson(entries.get(i)));
      }
      Replies.json(rc, 200, out.toBuffer());
    }).onFailure(rc::fail);
  }

  static int historyLimit(String param) {
    if (param == null) {
      return DEFAULT_HISTORY_LIMIT;
    }
    try {
      int n = Integer.parseInt(param.trim());
      if (n >= 1 && n <= MAX_HISTORY_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Problem.of(400, "limit must be a whole number 1.." + MAX_HISTORY_LIMIT);
  }

  private static Long expectedRevision(RoutingContext rc) {
    return Preconditions.expectedRevision(rc.request().getHeader(HttpHeaders.IF_MATCH));
  }

  private static String contentType(RoutingContext rc) {
    return rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
  }
}
