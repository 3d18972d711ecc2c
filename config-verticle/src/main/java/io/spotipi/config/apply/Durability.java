package io.spotipi.config.apply;

import io.vertx.core.Future;

/**
 * How a pipeline makes a batch durable: written on this node's disk and, in a cluster, replicated
 * as the cluster's head. The batch is acknowledged only once every step has succeeded.
 *
 * @param <S> the state a batch ends in
 */
@FunctionalInterface
public interface Durability<S> {
  /** Completes on the owner's context once {@code state} is durable; a failure rolls the batch back. */
  Future<Void> persist(S state);

  /** This step, then {@code next} once this one has succeeded. */
  default Durability<S> then(Durability<S> next) {
    return state -> persist(state).compose(v -> next.persist(state));
  }
}
