package io.spotipi.player.library;

import io.spotipi.player.auth.TokenCache;
import io.spotipi.player.client.SpotifyClient;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.LibraryRequest;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's lists per user: each read from Spotify as a whole (following {@code next}, up to a
 * bound), kept in a {@link LibraryCache}, answered as slices. The user is who the credentials in use
 * belong to ({@code GET /v1/me}, asked again when they change), so that lists never leak from one
 * account to the next after a reconnect. Confined to the player's event loop.
 */
public final class Library {
  private static final Logger log = LoggerFactory.getLogger(Library.class);

  /** What a cached list is kept under. */
  private record Key(String user, LibraryList list, String query, String type, String artistId) {
  }

  private final SpotifyClient spotify;
  private final TokenCache tokens;
  private final LibraryCache<Key, Listing> cache;
  private final int maxItems;
  private final int searchMaxItems;

  private List<Object> account;
  private Future<String> user;

  /**
   * @param maxItems how many items of one list are read at most
   * @param searchMaxItems how many results of one search are read at most
   */
  public Library(SpotifyClient spotify, TokenCache tokens, Clock clock, Duration ttl, int maxLists, int maxItems,
      int searchMaxItems) {
    this.spotify = spotify;
    this.tokens = tokens;
    this.cache = new LibraryCache<>(clock, ttl, maxLists);
    this.maxItems = maxItems;
    this.searchMaxItems = searchMaxItems;
  }

  /** One page of a list. @throws IllegalArgumentException for a list that does not exist */
  public Future<LibraryPage> page(LibraryRequest request) {
    LibraryList list = LibraryList.of(request.list());
    return user().compose(id -> cache.get(new Key(id, list, request.query(), request.type(), request.artistId()),
        request.refresh(), () -> read(list, request)))
        .map(listing -> listing.page(request.offset(), request.limit()));
  }

  /** How many lists were read from Spotify. */
  public long reads() {
    return cache.loads();
  }

  private Future<Listing> read(LibraryList list, LibraryRequest request) {
    int bound = list == LibraryList.SEARCH ? searchMaxItems : maxItems;
    return spotify.getAll(list.path(request), list.query(request), bound)
        .map(entries -> Listing.of(LibraryItems.of(list, entries)))
        .onSuccess(l -> log.info("library {} read from Spotify: {} items (version {})", list.listName(),
            l.items().size(), l.version()));
  }

  /**
   * The Spotify user id of the credentials in use, asked again when they change but for their refresh
   * token (Spotify rotates that one). Without usable credentials it fails as every call to Spotify
   * would, even while lists are cached.
   */
  private Future<String> user() {
    if (tokens.state() != TokenCache.State.CONNECTED) {
      return tokens.accessToken().compose(token -> user());
    }
    List<Object> now = tokens.credentials().map(c -> List.<Object>of(c.clientId(), String.valueOf(c.authorizedAt())))
        .orElse(List.of());
    if (user == null || user.failed() || !now.equals(account)) {
      account = now;
      user = spotify.get("/v1/me", Map.of()).map(me -> me.getString("id", ""));
    }
    return user;
  }
}
