package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Request of {@code spotipi.spotify.credentials.put}, the body of {@code PUT /api/spotify/credentials}.
 * It carries secrets: its address is local to the process and never on the TCP bridge.
 *
 * @param refreshToken null when the connect flow is to produce one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpotifyCredentialsRequest(String clientId, String clientSecret, String refreshToken) {

  /** Never the secrets: a record's default would print them into any log line that names it. */
  @Override
  public String toString() {
    return "SpotifyCredentialsRequest[client_id=" + clientId + ", client_secret="
        + (clientSecret == null ? "none" : "***") + ", refresh_token=" + (refreshToken == null ? "none" : "***") + "]";
  }
}
