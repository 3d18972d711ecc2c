package io.spotipi.config.apply;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One revision of the store: the effective document (defaults overlaid by the user's keys) and the
 * user's keys alone (what {@code <env>.json} holds). Never mutated once built. In a cluster the epoch
 * names the ownership that wrote it (0 on a single node); states order by (epoch, revision).
 */
public record StoreState(long revision, JsonObject effective, JsonObject overrides, Instant savedAt, long epoch)
    implements Revisioned<StoreState> {

  public StoreState(long revision, JsonObject effective, JsonObject overrides, Instant savedAt) {
    this(revision, effective, overrides, savedAt, 0);
  }

  @Override
  public StoreState withEpoch(long newEpoch) {
    return new StoreState(revision, effective, overrides, savedAt, newEpoch);
  }
}
