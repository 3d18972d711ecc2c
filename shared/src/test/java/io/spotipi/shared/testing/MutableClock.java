package io.spotipi.shared.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test sets by hand. It counts how often it is read, so a test can wait until the
 * scheduler has looked at the time again instead of sleeping for a guessed while.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;
  private final AtomicLong reads = new AtomicLong();

  public MutableClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Another clock showing the same (settable) time, with its own read count. */
  public MutableClock sameTime() {
    return new MutableClock(now, zone);
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  public long reads() {
    return reads.get();
  }

  @Override
  public Instant instant() {
    reads.incrementAndGet();
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(now, other);
  }
}
