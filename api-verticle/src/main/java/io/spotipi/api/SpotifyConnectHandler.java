package io.spotipi.api;

import io.spotipi.shared.Json;
import io.spotipi.shared.PlayerClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Connecting to Spotify with the authorization-code flow: {@code /api/spotify/authorize} starts it
 * (where to send the browser, and the {@code state} it comes back with), {@code /api/spotify/callback}
 * finishes it: the address the browser landed on pasted by the user (POST), or the redirect itself
 * when it reaches this box (GET, then back to the web app). The player checks {@code state} and
 * exchanges the code; a wrong or reused state stores nothing.
 */
final class SpotifyConnectHandler {
  private final PlayerClient player;

  SpotifyConnectHandler(PlayerClient player) {
    this.player = player;
  }

  /** POST {@code {redirect_uri}} → {@code {authorize_url, state}}. */
  void authorize(RoutingContext rc) {
    player.authorize(SpotifyBodies.authorize(RequestBody.jsonObject(rc)))
        .onSuccess(reply -> Replies.json(rc, 200, Json.toJson(reply).toBuffer()))
        .onFailure(rc::fail);
  }

  /** POST {@code {url}} or {@code {code, state}} → the status, connected. */
  void callback(RoutingContext rc) {
    player.callback(SpotifyBodies.callback(RequestBody.jsonObject(rc)))
        .onSuccess(s -> SpotifyAccountHandler.reply(rc, s))
        .onFailure(rc::fail);
  }

  /** GET {@code ?code=&state=}: Spotify's redirect reached this box; on success, back to the web app. */
  void redirect(RoutingContext rc) {
    player.callback(SpotifyBodies.callback(rc.queryParams()))
        .onSuccess(s -> rc.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/").end())
        .onFailure(rc::fail);
  }
}
