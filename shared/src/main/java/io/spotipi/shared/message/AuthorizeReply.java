package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Reply of {@code spotipi.spotify.authorize}: where to send the browser, and the state it comes back with. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthorizeReply(String authorizeUrl, String state) {
}
