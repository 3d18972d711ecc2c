package io.spotipi.scheduler.claim;

import io.spotipi.scheduler.ledger.Ledger;
import io.spotipi.scheduler.plan.Alarm;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.SchedulerState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims occurrences for one scheduler: only the scheduler whose claim commits plays, which makes
 * restarts and several schedulers on one store fire each occurrence once.
 *
 * <p>The claim is retried while the owner is unreachable or the store cannot write: when the owner
 * dies around the firing instant, it goes through once a standby has taken over. If an attempt did
 * commit but its reply was lost with the owner, the retry finds this scheduler's own claim and wins;
 * every other scheduler finds a claim that is not theirs and loses. Used on its verticle's context.
 */
public final class OccurrenceClaimer {
  private static final Logger log = LoggerFactory.getLogger(OccurrenceClaimer.class);

  /** How long a claim is retried while the owner is unreachable (a failover takes seconds). */
  public static final Duration RETRY_FOR = Duration.ofSeconds(60);
  public static final Duration RETRY_EVERY = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final Ledger ledger;
  private final String claimant;
  private final Duration retryFor;
  private final Duration retryEvery;
  private boolean closed;

  /** @param claimant names this scheduler's claims, so a retried claim whose reply was lost is known as its own */
  public OccurrenceClaimer(Vertx vertx, Ledger ledger, String claimant) {
    this(vertx, ledger, claimant, RETRY_FOR, RETRY_EVERY);
  }

  OccurrenceClaimer(Vertx vertx, Ledger ledger, String claimant, Duration retryFor, Duration retryEvery) {
    this.vertx = vertx;
    this.ledger = ledger;
    this.claimant = claimant;
    this.retryFor = retryFor;
    this.retryEvery = retryEvery;
  }

  /** Stops retrying: a claim in flight ends with its next failure. */
  public void close() {
    closed = true;
  }

  /** Claims {@code occurrence}; the future always succeeds, with how the claim ended. */
  public Future<ClaimResult> claim(Instant occurrence) {
    return attempt(occurrence, System.nanoTime() + retryFor.toNanos());
  }

  private Future<ClaimResult> attempt(Instant occurrence, long deadlineNanos) {
    // Set by each run of the mutator (again after a lost race): the last run's verdict is the one committed.
    ClaimResult[] verdict = new ClaimResult[1];
    return ledger.recordClaim((config, entries) -> {
      Decision d = decide(config, entries, occurrence, claimant);
      verdict[0] = d.result();
      return d.record();
    }).transform(ar -> {
      if (ar.succeeded()) {
        return Future.succeededFuture(verdict[0]);
      }
      Throwable err = ar.cause();
      if (!retryable(err) || closed || System.nanoTime() > deadlineNanos) {
        return Future.succeededFuture(new ClaimResult.Failed(err.getMessage()));
      }
      log.warn("occurrence {}: claim failed ({}), retrying in {} ms", occurrence, err.getMessage(),
          retryEvery.toMillis());
      Promise<Void> wait = Promise.promise();
      vertx.setTimer(retryEvery.toMillis(), t -> wait.complete());
      return wait.future().compose(v -> attempt(occurrence, deadlineNanos));
    });
  }

  /** A failure that a later attempt may not meet: the owner unreachable, or its disk failing. */
  static boolean retryable(Throwable err) {
    ErrorCode code = err instanceof ConfigFailure f ? f.code() : null;
    return code == ErrorCode.UNAVAILABLE || code == ErrorCode.STORAGE;
  }

  /** A claim's verdict on one stored state, and what to record for it (empty: commit nothing). */
  record Decision(ClaimResult result, Optional<Ledger.Claim> record) {
  }

  /** The claim's decision on the newest stored config and ledger entries. Pure. */
  static Decision decide(JsonObject config, SchedulerState entries, Instant occurrence, String claimant) {
    Instant fired = entries.lastFiredOccurrence();
    // Our own earlier claim, committed though its reply was lost, is committed again unchanged.
    boolean ours = occurrence.equals(fired) && claimant.equals(entries.lastFiredBy());
    if (!ours && fired != null && !fired.isBefore(occurrence)) {
      return new Decision(new ClaimResult.Lost(fired, entries.lastFiredBy()), Optional.empty());
    }
    Alarm alarm;
    try {
      alarm = Alarm.parse(config);
    } catch (IllegalArgumentException e) {
      return new Decision(new ClaimResult.Declined(e.getMessage()), Optional.empty());
    }
    if (!ours && (!alarm.enabled() || !alarm.schedule().occursAt(occurrence))) {
      return new Decision(new ClaimResult.Declined("the stored alarm no longer fires then"), Optional.empty());
    }
    return new Decision(new ClaimResult.Won(alarm),
        Optional.of(new Ledger.Claim(occurrence, claimant, !ours && alarm.oneTime())));
  }
}
