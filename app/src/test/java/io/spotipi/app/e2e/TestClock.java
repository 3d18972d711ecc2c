package io.spotipi.app.e2e;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scheduler's clock, set by the test. It counts its reads, so a test can wait until the scheduler
 * has looked at the time again instead of sleeping for a guessed while.
 */
final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;
  private final AtomicLong reads;

  TestClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC, new AtomicLong());
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone, AtomicLong reads) {
    this.now = now;
    this.zone = zone;
    this.reads = reads;
  }

  void set(Instant instant) {
    now.set(instant);
  }

  long reads() {
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
    return new TestClock(now, other, reads);
  }
}
