package io.spotipi.player.client;

import io.vertx.core.json.JsonObject;

/** The few answers whose shape differs between endpoints or between an app's modes. */
public final class Shapes {
  private Shapes() {
  }

  /**
   * The object that holds a page's {@code items} and {@code next}: the answer itself, or the one field
   * it is wrapped in ({@code /me/following} answers {@code {"artists": {"items": ...}}}).
   */
  public static JsonObject page(JsonObject answer) {
    if (answer.containsKey("items") && !(answer.getValue("items") instanceof JsonObject)) {
      return answer;
    }
    for (String field : answer.fieldNames()) {
      if (answer.getValue(field) instanceof JsonObject inner && inner.containsKey("items")) {
        return inner;
      }
    }
    return answer;
  }

  /**
   * The track total of a playlist or album (summary or full object): {@code tracks.total}, which an app
   * in development mode gets as {@code items.total}, or an album's {@code total_tracks}; null when absent.
   */
  public static Integer trackTotal(JsonObject object) {
    for (String field : new String[] {"tracks", "items"}) {
      if (object.getValue(field) instanceof JsonObject inner && inner.getValue("total") instanceof Number n) {
        return n.intValue();
      }
    }
    return object.getValue("total_tracks") instanceof Number n ? n.intValue() : null;
  }
}
