package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * The shape of {@code GET /api/spotify/status}: whether Spotify is usable and how the token cache does.
 *
 * @param state {@code connected}, {@code not_configured} or {@code reauthorize}
 * @param lastError why the last refresh failed, or null; never a secret
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SpotifyStatus(String state, boolean connected, Instant authorizedAt, Token token, String lastError) {

  /**
   * @param validForSeconds what the cached access token has left; 0 without one
   * @param refreshesTotal token requests sent to the accounts service
   * @param requestsTotal access tokens asked of the cache
   * @param cacheHitRate the share of those served without a refresh; null before the first
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Token(long validForSeconds, long refreshesTotal, long requestsTotal, Double cacheHitRate) {
  }
}
