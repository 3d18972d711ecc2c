package io.spotipi.api;

import io.spotipi.shared.message.LibraryRequest;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query of a library route as a {@link LibraryRequest}, strictly: only the parameters the route
 * knows, each at most once, {@code limit} 1..50 (default 20), {@code offset} 0..100000 (default 0),
 * {@code refresh} true or false, a search's {@code q} of 2..100 characters and its {@code type}, an
 * artist's 22-character id. Anything else is a 400 (an unknown list is no resource: 404). Pure.
 */
final class LibraryQuery {
  private LibraryQuery() {
  }

  static final List<String> LISTS = List.of(LibraryRequest.PLAYLISTS, LibraryRequest.ALBUMS, LibraryRequest.TRACKS,
      LibraryRequest.ARTISTS, LibraryRequest.RECENT, LibraryRequest.TOP);
  static final List<String> SEARCH_TYPES = List.of("playlist", "album", "artist", "track");
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 50;
  static final int MAX_OFFSET = 100_000;
  static final int MIN_QUERY = 2;
  static final int MAX_QUERY = 100;
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}");
  private static final Pattern SPOTIFY_ID = Pattern.compile("[A-Za-z0-9]{22}");
  private static final Set<String> PAGING = Set.of("limit", "offset", "refresh");
  private static final Set<String> SEARCH = Set.of("limit", "offset", "refresh", "q", "type");

  /** {@code GET /api/library/{list}}. */
  static LibraryRequest list(String list, MultiMap params) {
    if (!LISTS.contains(list)) {
      throw Problem.of(404, "no library list '" + list + "'; there are " + LISTS + ", search and artists/{id}/albums");
    }
    known(params, PAGING);
    return new LibraryRequest(list, limit(params), offset(params), null, null, null, refresh(params));
  }

  /** {@code GET /api/library/search?q=&type=}. */
  static LibraryRequest search(MultiMap params) {
    known(params, SEARCH);
    String q = once(params, "q");
    String query = q == null ? "" : q.strip();
    if (query.length() < MIN_QUERY || query.length() > MAX_QUERY || query.chars().anyMatch(Character::isISOControl)) {
      throw Problem.of(400, "q must be " + MIN_QUERY + ".." + MAX_QUERY + " characters without control characters");
    }
    String type = once(params, "type");
    if (type == null || !SEARCH_TYPES.contains(type)) {
      throw Problem.of(400, "type must be one of " + SEARCH_TYPES);
    }
    return new LibraryRequest(LibraryRequest.SEARCH, limit(params), offset(params), query, type, null,
        refresh(params));
  }

  /** {@code GET /api/library/artists/{id}/albums}. */
  static LibraryRequest artistAlbums(String id, MultiMap params) {
    if (id == null || !SPOTIFY_ID.matcher(id).matches()) {
      throw Problem.of(400, "an artist id is 22 letters and digits, as in spotify:artist:<id>");
    }
    known(params, PAGING);
    return new LibraryRequest(LibraryRequest.ARTIST_ALBUMS, limit(params), offset(params), null, null, id,
        refresh(params));
  }

  private static void known(MultiMap params, Set<String> allowed) {
    for (String name : params.names()) {
      if (!allowed.contains(name)) {
        throw Problem.of(400, "unknown parameter '" + name + "'; this route takes "
            + allowed.stream().sorted().toList());
      }
    }
  }

  private static String once(MultiMap params, String name) {
    List<String> values = params.getAll(name);
    if (values.size() > 1) {
      throw Problem.of(400, name + " is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static int limit(MultiMap params) {
    return number(params, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  private static int offset(MultiMap params) {
    return number(params, "offset", 0, MAX_OFFSET, 0);
  }

  private static int number(MultiMap params, String name, int min, int max, int absent) {
    String v = once(params, name);
    if (v == null) {
      return absent;
    }
    if (NUMBER.matcher(v).matches()) {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw Problem.of(400, name + " must be a whole number " + min + ".." + max);
  }

  private static boolean refresh(MultiMap params) {
    String v = once(params, "refresh");
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw Problem.of(400, "refresh must be true or false");
  }
}
