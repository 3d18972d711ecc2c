package io.spotipi.config.apply;

/**
 * A stored document that owners in a cluster order: a later ownership (epoch) wins, then a later
 * revision. Implementations are immutable.
 */
public interface Revisioned<S extends Revisioned<S>> {
  long revision();

  /** The ownership that wrote it; 0 on a single node. */
  long epoch();

  S withEpoch(long epoch);

  default boolean isNewerThan(Revisioned<?> other) {
    return epoch() != other.epoch() ? epoch() > other.epoch() : revision() > other.revision();
  }
}
