package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private long now = 1_000_000_000L;

  private RateLimiter limiter(String spec, int maxClients) {
    return new RateLimiter(RateLimiter.Limits.parse(spec), maxClients, () -> now);
  }

  private void advanceMillis(long ms) {
    now += TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void aFullBucketAllowsOneMinutesWorthThenAsksToWait() {
    RateLimiter l = limiter("6,60", 100);
    for (int i = 0; i < 6; i++) {
      assertEquals(0, l.acquire("a", true), "mutation " + i);
    }
    long wait = l.acquire("a", true);
    assertEquals(10, wait, "one token per 10 s at 6/min");
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    RateLimiter l = limiter("6,60", 100);
    for (int i = 0; i < 6; i++) {
      l.acquire("a", true);
    }
    advanceMillis(9_900);
    assertEquals(1, l.acquire("a", true));
    advanceMillis(100);
    assertEquals(0, l.acquire("a", true));
    assertTrue(l.acquire("a", true) > 0);
  }

  @Test
  void readsAndMutationsAndClientsHaveSeparateBuckets() {
    RateLimiter l = limiter("1,2", 100);
    assertEquals(0, l.acquire("a", true));
    assertTrue(l.acquire("a", true) > 0);
    assertEquals(0, l.acquire("a", false));
    assertEquals(0, l.acquire("a", false));
    assertTrue(l.acquire("a", false) > 0);
    assertEquals(0, l.acquire("b", true));
  }

  @Test
  void rejectedRequestsDoNotDrainTheBucketFurther() {
    RateLimiter l = limiter("60,60", 100);
    for (int i = 0; i < 60; i++) {
      l.acquire("a", true);
    }
    for (int i = 0; i < 1000; i++) {
      assertTrue(l.acquire("a", true) > 0);
    }
    advanceMillis(1_000);
    assertEquals(0, l.acquire("a", true));
  }

  @Test
  void memoryIsBoundedByMaxClients() {
    RateLimiter l = limiter("10,10", 50);
    for (int i = 0; i < 10_000; i++) {
      l.acquire("10.0." + (i / 256) + "." + (i % 256), false);
    }
    assertTrue(l.trackedClients() <= 50, "tracked " + l.trackedClients());
  }

  @Test
  void idleClientsAreForgotten() {
    RateLimiter l = limiter("10,10", 1000);
    for (int i = 0; i < 100; i++) {
      l.acquire("c" + i, false);
    }
    advanceMillis(61_000);
    for (int i = 0; i < 100; i++) {
      l.acquire("fresh", false);
      advanceMillis(1);
    }
    assertTrue(l.trackedClients() < 10, "tracked " + l.trackedClients());
  }

  @Test
  void limitsParse() {
    assertNull(RateLimiter.Limits.parse("off"));
    assertNull(RateLimiter.Limits.parse(" OFF "));
    assertEquals(new RateLimiter.Limits(600, 6000), RateLimiter.Limits.parse("600,6000"));
    assertEquals(new RateLimiter.Limits(1, 2), RateLimiter.Limits.parse(" 1 , 2 "));
    for (String bad : new String[] {"", "600", "a,b", "0,10", "10,-1", "1,2,3", "600;6000"}) {
      assertThrows(IllegalArgumentException.class, () -> RateLimiter.Limits.parse(bad), bad);
    }
  }
}
