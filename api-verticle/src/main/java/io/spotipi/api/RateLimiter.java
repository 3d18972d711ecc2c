package io.spotipi.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address, two buckets each (mutations and reads), each holding up to one
 * minute's allowance and refilling continuously.
 *
 * <p>Each bucket is one {@code long}: the instant its bucket will be full again (the "theoretical
 * arrival time" of GCRA, which is a token bucket written as a single number). A client whose buckets
 * are full carries no information and is dropped; at most {@code maxClients} are kept, the least
 * recently seen going first, so memory stays bounded whatever the number of addresses.
 *
 * <p>Not thread-safe: each verticle instance owns one and uses it from its event loop only.
 */
public final class RateLimiter {
  /** Allowances per minute; parse with {@link #parse}. */
  public record Limits(int mutationsPerMinute, int readsPerMinute) {
    public Limits {
      if (mutationsPerMinute < 1 || readsPerMinute < 1) {
        throw new IllegalArgumentException("rate limits must be positive, got " + mutationsPerMinute + ","
            + readsPerMinute);
      }
    }

    /** {@code off} → {@code null}; {@code <mutations>,<reads>} per minute → the limits. */
    public static Limits parse(String spec) {
      String s = spec == null ? "" : spec.trim();
      if (s.equalsIgnoreCase("off")) {
        return null;
      }
      String[] parts = s.split(",", -1);
      try {
        if (parts.length == 2) {
          return new Limits(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new IllegalArgumentException("rateLimit must be 'off' or '<mutations-per-min>,<reads-per-min>', got '"
          + spec + "'");
    }
  }

  public static final int DEFAULT_MAX_CLIENTS = 10_000;
  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final long mutationInterval;
  private final long readInterval;
  private final LongSupplier nanoClock;
  private final Map<String, Client> clients;

  private static final class Client {
    long mutationsFullAt;
    long readsFullAt;

    Client(long now) {
      mutationsFullAt = now;
      readsFullAt = now;
    }

    boolean idle(long now) {
      return mutationsFullAt - now <= 0 && readsFullAt - now <= 0;
    }
  }

  public RateLimiter(Limits limits, int maxClients, LongSupplier nanoClock) {
    this.mutationInterval = MINUTE_NANOS / limits.mutationsPerMinute();
    this.readInterval = MINUTE_NANOS / limits.readsPerMinute();
    this.nanoClock = nanoClock;
    this.clients = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
        return size() > maxClients;
      }
    };
  }

  public RateLimiter(Limits limits) {
    this(limits, DEFAULT_MAX_CLIENTS, System::nanoTime);
  }

  /**
   * Takes one token from the client's bucket.
   *
   * @return 0 when the request may go ahead, else the whole seconds (at least 1) until a token is back
   */
  public long acquire(String client, boolean mutation) {
    long now = nanoClock.getAsLong();
    evictIdle(now);
    Client c = clients.get(client);
    if (c == null) {
      c = new Client(now);
      clients.put(client, c);
    }
    long interval = mutation ? mutationInterval : readInterval;
    long fullAt = mutation ? c.mutationsFullAt : c.readsFullAt;
    long from = fullAt - now > 0 ? fullAt : now;
    long next = from + interval;
    long wait = next - now - MINUTE_NANOS; // > 0: the bucket would hold more than a minute's worth of debt
    if (wait > 0) {
      return Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
    if (mutation) {
      c.mutationsFullAt = next;
    } else {
      c.readsFullAt = next;
    }
    return 0;
  }

  /** Drops up to two least recently seen clients whose buckets are full: amortised O(1) per call. */
  private void evictIdle(long now) {
    Iterator<Client> it = clients.values().iterator();
    for (int i = 0; i < 2 && it.hasNext(); i++) {
      if (!it.next().idle(now)) {
        return;
      }
      it.remove();
    }
  }

  /** How many clients are remembered (for tests and the status page). */
  public int trackedClients() {
    return clients.size();
  }
}
