package io.spotipi.bench;

import io.vertx.core.Future;

/** A store that {@link CasIncrements} races on: how to read the counter and how to try one increment. */
interface CasTarget {
  /** The counter and the version a compare-and-set must name to replace it. */
  record Read(String version, long counter) {
  }

  /** A tried increment: won, or lost with what to retry from (failed when the store did not say). */
  record Attempt(boolean won, Future<Read> current) {
    static Attempt win() {
      return new Attempt(true, null);
    }

    static Attempt lost(Future<Read> current) {
      return new Attempt(false, current);
    }
  }

  Future<Read> read();

  /** Sets the counter to {@code read.counter() + 1} if it is still at {@code read.version()}. */
  Future<Attempt> increment(Read read);
}
