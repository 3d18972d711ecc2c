package io.spotipi.player.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses Spotify lets the browser come back to after its consent page: HTTPS, or plain HTTP
 * on a loopback IP literal ({@code http://127.0.0.1:PORT/...}, {@code http://[::1]:PORT/...}).
 * Spotify refuses {@code localhost} and plain-HTTP LAN addresses, so they are refused here already,
 * with the reason, rather than by Spotify's page on the user's phone. Pure.
 */
public final class RedirectUris {
  static final int MAX_LENGTH = 2048;
  static final String RULE = "must be https://..., or http:// on a loopback IP literal (http://127.0.0.1:PORT/...,"
      + " http://[::1]:PORT/...); Spotify refuses localhost and plain-HTTP LAN addresses";

  private RedirectUris() {
  }

  /** Why {@code value} cannot be a redirect URI; empty when it can. */
  public static Optional<String> problem(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of("is required");
    }
    if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
      return Optional.of("must be an address of at most " + MAX_LENGTH + " characters without spaces");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.of("is not an address: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getHost() == null) {
      return Optional.of(RULE + " (with a host, no user or fragment)");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean ok = scheme.equals("https")
        || scheme.equals("http") && (uri.getHost().equals("127.0.0.1") || uri.getHost().equals("[::1]"));
    return ok ? Optional.empty() : Optional.of(RULE);
  }
}
