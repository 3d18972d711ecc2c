package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Request of {@code spotipi.player.library}: one page of a list of the user's music.
 *
 * @param list {@code playlists}, {@code albums}, {@code tracks}, {@code artists}, {@code recent},
 *     {@code top}, {@code search} (with {@code query} and {@code type}) or {@code artist_albums} (with
 *     {@code artistId})
 * @param type for a search: {@code playlist}, {@code album}, {@code artist} or {@code track}
 * @param refresh ask Spotify even while the cached list is fresh
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LibraryRequest(String list, int limit, int offset, String query, String type, String artistId,
    boolean refresh) {
  public static final String PLAYLISTS = "playlists";
  public static final String ALBUMS = "albums";
  public static final String TRACKS = "tracks";
  public static final String ARTISTS = "artists";
  public static final String RECENT = "recent";
  public static final String TOP = "top";
  public static final String SEARCH = "search";
  public static final String ARTIST_ALBUMS = "artist_albums";
}
