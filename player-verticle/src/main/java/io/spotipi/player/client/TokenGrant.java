package io.spotipi.player.client;

import io.vertx.core.json.JsonObject;

/**
 * The accounts service's answer to a token request. {@link #toString()} shows no token.
 *
 * @param refreshToken a new refresh token when Spotify rotated it (it replaces the old one), else null
 */
public record TokenGrant(String accessToken, long expiresInSeconds, String scope, String refreshToken) {

  static TokenGrant fromJson(JsonObject json) {
    String access = json.getString("access_token");
    if (access == null || access.isEmpty()) {
      throw new IllegalArgumentException("the token answer has no access_token");
    }
    String refresh = json.getString("refresh_token");
    return new TokenGrant(access, json.getLong("expires_in", 3600L), json.getString("scope"),
        refresh == null || refresh.isEmpty() ? null : refresh);
  }

  public boolean rotated() {
    return refreshToken != null;
  }

  @Override
  public String toString() {
    return "TokenGrant[expiresInSeconds=" + expiresInSeconds + ", scope=" + scope + ", rotated=" + rotated() + "]";
  }
}
