package io.spotipi.api;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Library pages as answered, bytes and entity tag, for a second: a reader paging through a list, or
 * many readers of the same page, are answered from here without a round trip to the player (which
 * keeps the lists themselves for minutes), and without routing ({@link CachedLibraryPages}). At most
 * {@code maxEntries} pages, the least recently used going first. Confined to the API verticle's event loop.
 *
 * @param <K> what a page is asked by
 */
final class PageCache<K> {
  /** A page as answered: its JSON bytes and entity tag. */
  record Page(String etag, Buffer body) {
  }

  private record Entry(Page page, long until) {
  }

  private final LongSupplier nanos;
  private final long maxAgeNanos;
  private final Map<K, Entry> entries;

  PageCache(LongSupplier nanos, long maxAgeNanos, int maxEntries) {
    this.nanos = nanos;
    this.maxAgeNanos = maxAgeNanos;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** The page while it is younger than the maximum age; else null. */
  Page get(K key) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (nanos.getAsLong() - e.until() >= 0) {
      entries.remove(key);
      return null;
    }
    return e.page();
  }

  void put(K key, Page page) {
    entries.put(key, new Entry(page, nanos.getAsLong() + maxAgeNanos));
  }

  void clear() {
    entries.clear();
  }
}
