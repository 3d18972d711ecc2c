package io.spotipi.app.cluster;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every (revision, document) pair the clients saw: one revision must always mean one document. */
final class RevisionLog {
  private final Map<Long, JsonObject> documents = new ConcurrentHashMap<>();
  private final List<String> conflicts = new CopyOnWriteArrayList<>();

  static long revision(HttpResponse<String> response) {
    String etag = response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    return Long.parseLong(etag.replace("\"", ""));
  }

  void saw(long revision, JsonObject document) {
    JsonObject first = documents.putIfAbsent(revision, document);
    if (first != null && !first.equals(document)) {
      conflicts.add("revision " + revision + ": " + first.encode() + " vs " + document.encode());
    }
  }

  /** Revisions seen with two different documents; empty when none. */
  List<String> conflicts() {
    return conflicts;
  }

  int size() {
    return documents.size();
  }
}
