package io.spotipi.api;

import io.spotipi.shared.Json;
import io.spotipi.shared.PlayerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/devices}: the Spotify Connect devices the player sees, from its short cache, or
 * fresh from Spotify with {@code ?refresh=true}.
 */
final class DevicesHandler {
  static final String REFRESH = "refresh";

  private final PlayerClient player;

  DevicesHandler(PlayerClient player) {
    this.player = player;
  }

  void list(RoutingContext rc) {
    player.devices(refresh(rc.queryParams().getAll(REFRESH)))
        .onSuccess(list -> Replies.json(rc, 200, new JsonArray(list.devices().stream().map(Json::toJson).toList())
            .toBuffer()))
        .onFailure(rc::fail);
  }

  /** {@code ?refresh=true|false}, at most once; absent is false. */
  static boolean refresh(List<String> values) {
    if (values.isEmpty()) {
      return false;
    }
    if (values.size() == 1 && (values.get(0).equals("true") || values.get(0).equals("false"))) {
      return Boolean.parseBoolean(values.get(0));
    }
    throw Problem.of(400, "refresh takes true or false, once");
  }
}
