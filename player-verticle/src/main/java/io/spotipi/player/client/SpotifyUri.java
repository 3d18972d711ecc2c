package io.spotipi.player.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code spotify:<type>:<id>} URI, as the config's {@code playlist_uri} holds it. */
public record SpotifyUri(String type, String id) {
  private static final Pattern URI = Pattern.compile("spotify:([a-z]+):([A-Za-z0-9]+)");

  /** @throws IllegalArgumentException when it is not a Spotify URI */
  public static SpotifyUri parse(String uri) {
    Matcher m = URI.matcher(uri == null ? "" : uri);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Spotify URI: '" + uri + "'");
    }
    return new SpotifyUri(m.group(1), m.group(2));
  }

  /** Tracks are played as {@code uris}; everything else as a context. */
  public boolean track() {
    return type.equals("track");
  }

  /** Only albums and playlists take a start offset. */
  public boolean takesOffset() {
    return type.equals("playlist") || type.equals("album");
  }

  @Override
  public String toString() {
    return "spotify:" + type + ":" + id;
  }
}
