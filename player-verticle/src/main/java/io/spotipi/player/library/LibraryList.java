package io.spotipi.player.library;

import io.spotipi.shared.message.LibraryRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The lists the library serves, each as one Spotify endpoint read page by page. Page sizes are
 * Spotify's maximum per endpoint: 50 for the user's own lists, 10 for search and an artist's albums
 * (apps in development mode get a 400 for more since February 2026).
 */
public enum LibraryList {
  PLAYLISTS(LibraryRequest.PLAYLISTS, "/v1/me/playlists", 50, null),
  ALBUMS(LibraryRequest.ALBUMS, "/v1/me/albums", 50, "album"),
  TRACKS(LibraryRequest.TRACKS, "/v1/me/tracks", 50, "track"),
  ARTISTS(LibraryRequest.ARTISTS, "/v1/me/following", 50, null),
  RECENT(LibraryRequest.RECENT, "/v1/me/player/recently-played", 50, "track"),
  TOP(LibraryRequest.TOP, "/v1/me/top/tracks", 50, null),
  SEARCH(LibraryRequest.SEARCH, "/v1/search", 10, null),
  ARTIST_ALBUMS(LibraryRequest.ARTIST_ALBUMS, "/v1/artists/{id}/albums", 10, null);

  private final String name;
  private final String path;
  private final int pageSize;
  private final String wrapper;

  LibraryList(String name, String path, int pageSize, String wrapper) {
    this.name = name;
    this.path = path;
    this.pageSize = pageSize;
    this.wrapper = wrapper;
  }

  /** The list a request names. @throws IllegalArgumentException for any other name */
  public static LibraryList of(String name) {
    for (LibraryList l : values()) {
      if (l.name.equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("no library list '" + name + "'");
  }

  /** The list's name in requests. */
  public String listName() {
    return name;
  }

  /** The endpoint's path for this request (an artist's albums name the artist). */
  public String path(LibraryRequest request) {
    return this == ARTIST_ALBUMS ? path.replace("{id}", request.artistId()) : path;
  }

  /** The query of the first page. */
  public Map<String, String> query(LibraryRequest request) {
    Map<String, String> q = new HashMap<>();
    q.put("limit", String.valueOf(pageSize));
    switch (this) {
      case ARTISTS -> q.put("type", "artist");
      case TOP -> q.put("time_range", "medium_term");
      case SEARCH -> {
        q.put("q", request.query());
        q.put("type", request.type());
      }
      case ARTIST_ALBUMS -> q.put("include_groups", "album,single");
      default -> {
      }
    }
    return q;
  }

  /**
   * The field each entry wraps its object in ({@code {"added_at", "album": {...}}}), or null when the
   * entries are the objects themselves.
   */
  public String wrapper() {
    return wrapper;
  }
}
