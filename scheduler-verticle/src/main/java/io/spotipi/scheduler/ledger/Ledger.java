package io.spotipi.scheduler.ledger;

import io.spotipi.shared.SchedulerState;
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
   * What a claim records.
   *
   * @param disableAlarm the claimed occurrence is a one-time alarm's: switch the alarm off
   */
  record Claim(Instant occurrence, String claimant, boolean disableAlarm) {
  }

  /** The entries as they stand. */
  Future<SchedulerState> read();

  /** Records the occurrence the schedulers wait for ({@code null}: none), unless the ledger holds it already. */
  Future<Void> recordPlanned(Instant planned);

  /**
   * Records a claim with one compare-and-set on the newest entries. {@code decide} gets the stored
   * config (read only) and the entries, again after each lost race, and returns the claim to record,
   * or empty to record nothing. A one-time alarm's claim is followed by switching that alarm off.
   */
  Future<Void> recordClaim(BiFunction<JsonObject, SchedulerState, Optional<Claim>> decide);

  /**
   * Switches off the one-time alarm of a claim recorded as {@link SchedulerState#pendingDisable}, if
   * the stored alarm is still that one, and clears the entry: the second half of a claim whose
   * scheduler stopped (or lost the owner) between the two.
   */
  Future<Void> finishPendingDisable(Instant occurrence);
}
