package io.spotipi.shared.message;

import io.vertx.core.json.JsonObject;

/**
 * Body of {@code spotipi.config.commit}: exactly one of {@code config} (the whole document; keys left
 * out fall back to their defaults) or {@code patch} (an RFC 7396 merge patch applied inside the owner).
 * With {@code expectedRevision} it is a compare-and-set.
 */
public record CommitRequest(Long expectedRevision, JsonObject config, JsonObject patch, String origin) {
  public static CommitRequest replace(Long expectedRevision, JsonObject config, String origin) {
    return new CommitRequest(expectedRevision, config, null, origin);
  }

  public static CommitRequest patch(Long expectedRevision, JsonObject patch, String origin) {
    return new CommitRequest(expectedRevision, null, patch, origin);
  }
}
