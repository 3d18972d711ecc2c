package io.spotipi.api;

import io.spotipi.shared.Json;
import io.spotipi.shared.PlayerClient;
import io.spotipi.shared.message.SpotifyStatus;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/spotify/status} and {@code /api/spotify/credentials}, answered by this node's player.
 * The status carries no secret; the credentials go to the player and never come back.
 */
final class SpotifyAccountHandler {
  private final PlayerClient player;

  SpotifyAccountHandler(PlayerClient player) {
    this.player = player;
  }

  void status(RoutingContext rc) {
    player.status().onSuccess(s -> reply(rc, s)).onFailure(rc::fail);
  }

  /** PUT {@code {client_id, client_secret, refresh_token?}}: stored, and they win over the environment. */
  void putCredentials(RoutingContext rc) {
    player.putCredentials(SpotifyBodies.credentials(RequestBody.jsonObject(rc)))
        .onSuccess(s -> reply(rc, s))
        .onFailure(rc::fail);
  }

  /** DELETE: the stored credentials go; Spotify is disconnected. */
  void deleteCredentials(RoutingContext rc) {
    player.deleteCredentials().onSuccess(s -> rc.response().setStatusCode(204).end()).onFailure(rc::fail);
  }

  static void reply(RoutingContext rc, SpotifyStatus status) {
    Replies.json(rc, 200, Json.toJson(status).toBuffer());
  }
}
