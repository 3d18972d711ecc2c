package io.spotipi.scheduler.ledger;

import io.spotipi.scheduler.plan.Alarm;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as the {@link StateSections#SCHEDULER} section of the owner's internal state: never in
 * the user's config, its events, history or backups, and not reverted by a restore. A claim is one
 * compare-and-set of that section; a one-time alarm's claim also marks the alarm to switch off in the
 * config, which a second commit does and a third clears, so a scheduler that stops in between leaves
 * the rest to whichever scheduler reads the mark next.
 */
public final class StateLedger implements Ledger {
  private static final Logger log = LoggerFactory.getLogger(StateLedger.class);

  private final ConfigClient config;
  private final StateClient state;

  public StateLedger(ConfigClient config, StateClient state) {
    this.config = config;
    this.state = state;
  }

  @Override
  public Future<SchedulerState> read() {
    return state.load(StateSections.SCHEDULER).map(doc -> SchedulerState.fromJson(doc.value()));
  }

  @Override
  public Future<Void> recordPlanned(Instant planned) {
    return update(s -> s.withPlanned(planned)).mapEmpty();
  }

  @Override
  public Future<Void> recordClaim(BiFunction<JsonObject, SchedulerState, Optional<Claim>> decide) {
    return config.load().compose(snap -> update(s -> decide.apply(snap.config(), s)
        .map(claim -> {
          SchedulerState claimed = s.withClaim(claim.occurrence(), claim.claimant());
          return claim.disableAlarm() ? claimed.withPendingDisable(claim.occurrence()) : claimed;
        })
        .orElse(s)))
        .compose(recorded -> {
          Instant pending = recorded.pendingDisable();
          if (pending == null) {
            return Future.succeededFuture();
          }
          // The claim stands either way: a switch-off that fails now is finished at the next plan.
          return finishPendingDisable(pending).recover(err -> {
            log.warn("occurrence {}: the one-time alarm is not switched off yet: {}", pending, err.getMessage());
            return Future.succeededFuture();
          });
        });
  }

  @Override
  public Future<Void> finishPendingDisable(Instant occurrence) {
    return config.load()
        .compose(snap -> stillThatAlarm(snap.config(), occurrence) ? disable(occurrence) : Future.succeededFuture())
        .compose(v -> update(s -> occurrence.equals(s.pendingDisable()) ? s.withPendingDisable(null) : s))
        .onSuccess(v -> log.info("occurrence {}: the one-time alarm is switched off", occurrence))
        .mapEmpty();
  }

  /** Switches the alarm off in a compare-and-set, unless the user changed it meanwhile. */
  private Future<Void> disable(Instant occurrence) {
    return config.transaction(doc -> {
      if (!stillThatAlarm(doc, occurrence)) {
        throw NOTHING_TO_CHANGE;
      }
      doc.put(ConfigKeys.ENABLED, false);
    }).<Void>mapEmpty().recover(err -> err == NOTHING_TO_CHANGE ? Future.succeededFuture() : Future.failedFuture(err));
  }

  /** Whether the config still holds the enabled one-time alarm that fired at {@code occurrence}. */
  private static boolean stillThatAlarm(JsonObject config, Instant occurrence) {
    try {
      Alarm alarm = Alarm.parse(config);
      return alarm.enabled() && alarm.oneTime() && alarm.schedule().occursAt(occurrence);
    } catch (IllegalArgumentException unschedulable) {
      return false;
    }
  }

  /** A compare-and-set of the section; a change that changes nothing commits nothing. */
  private Future<SchedulerState> update(UnaryOperator<SchedulerState> change) {
    SchedulerState[] result = new SchedulerState[1];
    return state.transaction(StateSections.SCHEDULER, value -> {
      SchedulerState next = change.apply(SchedulerState.fromJson(value));
      result[0] = next;
      JsonObject json = next.toJson();
      if (!Objects.equals(json, value)) {
        value.clear();
        value.mergeIn(json);
      }
    }).map(doc -> result[0]);
  }

  /**
   * {@link ConfigClient#transaction} commits nothing when its mutator throws: a "no change" travels
   * as this and ends in {@link #disable}.
   */
  private static final RuntimeException NOTHING_TO_CHANGE = new NothingToChange();

  private static final class NothingToChange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NothingToChange() {
      super("nothing to change", null, false, false);
    }
  }
}
