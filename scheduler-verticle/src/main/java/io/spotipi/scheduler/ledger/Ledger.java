package io.spotipi.scheduler.ledger;

import io.spotipi.shared.ConfigSnapshot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Where the schedulers read and record their bookkeeping, through the config owner: every scheduler
 * on the store sees the same entries, and each change is a compare-and-set.
 */
public interface Ledger {
  /**
   * The entries as they stand.
   *
   * @param planned the occurrence the schedulers wait for, or {@code null}
   * @param lastFired the newest occurrence claimed for playing, or {@code null}
   * @param lastFiredBy the claimant of {@code lastFired}, or {@code null}
   */
  record Entries(Instant planned, Instant lastFired, String lastFiredBy) {
  }

  /**
   * What a claim records, in the same commit.
   *
   * @param disableAlarm the claimed occurrence is a one-time alarm's: switch the alarm off
   */
  record Claim(Instant occurrence, String claimant, boolean disableAlarm) {
  }

  /** The entries as of a snapshot of the store. */
  Entries read(ConfigSnapshot snapshot);

  /**
   * Records the occurrence the schedulers wait for ({@code null}: none), unless {@code current} or the
   * store already holds it.
   */
  Future<Void> recordPlanned(ConfigSnapshot current, Instant planned);

  /**
   * Records a claim with one compare-and-set on the newest state. {@code decide} gets the stored
   * config (read only) and the entries, again after each lost race, and returns the claim to record,
   * or empty to commit nothing; then the future succeeds with {@code null}.
   *
   * @return the committed snapshot, {@code null} when nothing was committed
   */
  Future<ConfigSnapshot> recordClaim(BiFunction<JsonObject, Entries, Optional<Claim>> decide);
}
