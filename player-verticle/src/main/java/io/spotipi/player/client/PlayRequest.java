package io.spotipi.player.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code PUT /v1/me/player/play}: a context ({@code context_uri}, with an optional start
 * position) or tracks ({@code uris}), never both; neither resumes what the device last played.
 */
public record PlayRequest(SpotifyUri uri, Integer offsetPosition) {

  public PlayRequest {
    if (offsetPosition != null && (uri == null || !uri.takesOffset())) {
      throw new IllegalArgumentException("only an album or a playlist takes a start position");
    }
  }

  /** Resume whatever the device last played. */
  public static PlayRequest resume() {
    return new PlayRequest(null, null);
  }

  public JsonObject body() {
    JsonObject body = new JsonObject();
    if (uri == null) {
      return body;
    }
    if (uri.track()) {
      return body.put("uris", new JsonArray().add(uri.toString()));
    }
    body.put("context_uri", uri.toString());
    return offsetPosition == null ? body : body.put("offset", new JsonObject().put("position", offsetPosition));
  }
}
