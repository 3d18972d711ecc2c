package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Request of {@code spotipi.spotify.callback}: either the whole address the browser landed on after
 * Spotify's consent page ({@code url}, pasted by the user), or its {@code code} and {@code state}.
 * The code is a one-time secret: the address is local and never on the TCP bridge.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CallbackRequest(String url, String code, String state) {

  @Override
  public String toString() {
    return "CallbackRequest[url=" + (url == null ? "none" : "***") + ", code=" + (code == null ? "none" : "***")
        + ", state=" + state + "]";
  }
}
