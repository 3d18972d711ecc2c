package io.spotipi.player.client;

import io.vertx.core.Future;

/** Where the Web API client gets its bearer token (the process's token cache). */
public interface AccessTokens {
  /** A token with some validity left; fails with a {@link SpotifyException} when none can be had. */
  Future<String> accessToken();

  /** The API answered 401 to this token: it must not be handed out again. */
  void rejected(String accessToken);
}
