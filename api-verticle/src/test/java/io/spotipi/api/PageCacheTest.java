package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final PageCache<String> cache = new PageCache<>(now::get, 100, 2);
  private final PageCache.Page page = new PageCache.Page("\"e\"", Buffer.buffer("{}"));

  @Test
  void aPageIsKeptForItsMaximumAgeOnly() {
    cache.put("a", page);
    now.addAndGet(99);
    assertEquals(page, cache.get("a"));
    now.addAndGet(1);
    assertNull(cache.get("a"));
  }

  @Test
  void theLeastRecentlyUsedGoesFirst() {
    cache.put("a", page);
    cache.put("b", page);
    cache.get("a");
    cache.put("c", page);
    assertEquals(page, cache.get("a"));
    assertNull(cache.get("b"));
  }
}
