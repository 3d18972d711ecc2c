package io.spotipi.player.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's freshness, single flight, refresh, stale-on-error and bound; no Vert.x needed. */
class LibraryCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T20:00:00Z"));
  private final LibraryCache<String, String> cache = new LibraryCache<>(clock, Duration.ofMinutes(10), 2);
  private final List<Promise<String>> loads = new ArrayList<>();

  private Future<String> get(String key, boolean refresh) {
    return cache.get(key, refresh, () -> {
      Promise<String> p = Promise.promise();
      loads.add(p);
      return p.future();
    });
  }

  @Test
  void aFreshValueIsAnsweredWithoutLoadingAndAStaleOneIsLoadedAgain() {
    Future<String> first = get("k", false);
    loads.get(0).complete("v1");
    assertEquals("v1", first.result());
    assertEquals("v1", get("k", false).result());
    assertEquals(1, loads.size());
    clock.set(clock.instant().plus(Duration.ofMinutes(10)));
    Future<String> again = get("k", false);
    assertEquals(2, loads.size());
    loads.get(1).complete("v2");
    assertEquals("v2", again.result());
  }

  @Test
  void concurrentReadsShareOneLoadAndARefreshJoinsIt() {
    Future<String> a = get("k", false);
    Future<String> b = get("k", false);
    Future<String> c = get("k", true);
    assertSame(a, b);
    assertSame(a, c);
    assertEquals(1, loads.size());
    loads.get(0).complete("v");
    assertTrue(a.succeeded() && b.succeeded() && c.succeeded());
    assertEquals(1, cache.loads());
  }

  @Test
  void aRefreshLoadsEvenWhileFresh() {
    get("k", false);
    loads.get(0).complete("v1");
    Future<String> refreshed = get("k", true);
    assertEquals(2, loads.size());
    loads.get(1).complete("v2");
    assertEquals("v2", refreshed.result());
    assertEquals("v2", get("k", false).result());
  }

  @Test
  void aStaleValueIsAnsweredWhenReloadingFailsButNotToARefresh() {
    get("k", false);
    loads.get(0).complete("v1");
    clock.set(clock.instant().plus(Duration.ofMinutes(11)));
    Future<String> stale = get("k", false);
    loads.get(1).fail("429");
    assertEquals("v1", stale.result());
    Future<String> refresh = get("k", true);
    loads.get(2).fail("429");
    assertTrue(refresh.failed());
    Future<String> first = get("other", false);
    loads.get(3).fail("429");
    assertTrue(first.failed(), "nothing cached: the failure");
  }

  @Test
  void theLeastRecentlyUsedKeyGoesFirst() {
    for (String k : List.of("a", "b")) {
      get(k, false);
      loads.get(loads.size() - 1).complete(k);
    }
    get("a", false);
    get("c", false);
    loads.get(loads.size() - 1).complete("c");
    assertEquals(3, loads.size());
    get("a", false);
    assertEquals(3, loads.size(), "a was used last, b went");
    get("b", false);
    assertEquals(4, loads.size());
  }
}
