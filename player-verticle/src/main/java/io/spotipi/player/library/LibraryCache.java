package io.spotipi.player.library;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whole lists read from Spotify, kept for a while per key (user and list):
 * <ul>
 *   <li>fresh for the time to live: answered without asking Spotify;
 *   <li>one load per key at a time (single flight): who asks while it runs, refreshing or not, waits for it;
 *   <li>a refresh asks Spotify even while the list is fresh;
 *   <li>a list that went stale is still answered when reloading it fails, except to a refresh;
 *   <li>at most {@code maxEntries} keys, the least recently used going first.
 * </ul>
 * Confined to one event loop.
 */
public final class LibraryCache<K, V> {
  private record Entry<V>(V value, Instant loadedAt) {
  }

  private final Clock clock;
  private final Duration ttl;
  private final Map<K, Entry<V>> entries;
  private final Map<K, Future<V>> loading = new HashMap<>();
  private long loads;

  public LibraryCache(Clock clock, Duration ttl, int maxEntries) {
    this.clock = clock;
    this.ttl = ttl;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** The value for {@code key}: cached while fresh unless {@code refresh}, else from {@code load}. */
  public Future<V> get(K key, boolean refresh, Supplier<Future<V>> load) {
    Future<V> running = loading.get(key);
    if (running != null) {
      return running;
    }
    Entry<V> cached = entries.get(key);
    if (!refresh && cached != null && clock.instant().isBefore(cached.loadedAt().plus(ttl))) {
      return Future.succeededFuture(cached.value());
    }
    loads++;
    Instant asked = clock.instant();
    Future<V> loaded = load.get().transform(ar -> {
      loading.remove(key);
      if (ar.succeeded()) {
        entries.put(key, new Entry<>(ar.result(), asked));
        return Future.succeededFuture(ar.result());
      }
      return cached != null && !refresh ? Future.succeededFuture(cached.value()) : Future.failedFuture(ar.cause());
    });
    if (!loaded.isComplete()) {
      loading.put(key, loaded);
    }
    return loaded;
  }

  /** How many loads were started: for tests and figures. */
  public long loads() {
    return loads;
  }
}
