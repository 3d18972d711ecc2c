package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Request of {@code spotipi.spotify.authorize}, the body of {@code POST /api/spotify/authorize}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthorizeRequest(String redirectUri) {
}
