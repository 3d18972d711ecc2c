package io.spotipi.scheduler.ledger;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSnapshot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** The ledger as three top-level keys of the config document, committed through a {@link ConfigClient}. */
public final class ConfigLedger implements Ledger {
  /** The occurrence the schedulers wait for (UTC ISO-8601); absent while none is planned. */
  public static final String PLANNED_KEY = "planned_occurrence";
  /** The newest occurrence claimed for playing, as a UTC ISO-8601 instant. */
  public static final String LAST_FIRED_KEY = "last_fired_occurrence";
  /** Which scheduler instance made the newest claim (its node id and a per-start suffix). */
  public static final String LAST_FIRED_BY_KEY = "last_fired_by";

  private final ConfigClient store;

  public ConfigLedger(ConfigClient store) {
    this.store = store;
  }

  @Override
  public Entries read(ConfigSnapshot snapshot) {
    return read(snapshot::get);
  }

  /** The entries of a document. */
  static Entries read(JsonObject doc) {
    return read(doc::getValue);
  }

  private static Entries read(Function<String, Object> value) {
    Object by = value.apply(LAST_FIRED_BY_KEY);
    return new Entries(instantOrNull(value.apply(PLANNED_KEY)), instantOrNull(value.apply(LAST_FIRED_KEY)),
        by instanceof String s ? s : null);
  }

  /** Writes a claim into a document. */
  static void write(JsonObject doc, Claim claim) {
    doc.put(LAST_FIRED_KEY, claim.occurrence().toString());
    doc.put(LAST_FIRED_BY_KEY, claim.claimant());
    if (claim.disableAlarm()) {
      doc.put(ConfigKeys.ENABLED, false);
    }
  }

  @Override
  public Future<Void> recordPlanned(ConfigSnapshot current, Instant planned) {
    String value = planned == null ? null : planned.toString();
    if (Objects.equals(current.get(PLANNED_KEY), value)) {
      return Future.succeededFuture();
    }
    return update(doc -> {
      if (Objects.equals(doc.getValue(PLANNED_KEY), value)) {
        return false; // another scheduler recorded it first
      }
      if (value == null) {
        doc.remove(PLANNED_KEY);
      } else {
        doc.put(PLANNED_KEY, value);
      }
      return true;
    }).mapEmpty();
  }

  @Override
  public Future<ConfigSnapshot> recordClaim(BiFunction<JsonObject, Entries, Optional<Claim>> decide) {
    return update(doc -> decide.apply(doc, read(doc)).map(claim -> {
      write(doc, claim);
      return true;
    }).orElse(false));
  }

  /**
   * A transaction whose mutator returns whether to commit. {@link ConfigClient#transaction} commits
   * nothing when its mutator throws, so a "no" travels as {@link #NOTHING_TO_RECORD} and ends here.
   */
  private Future<ConfigSnapshot> update(Predicate<JsonObject> mutator) {
    return store.transaction(doc -> {
      if (!mutator.test(doc)) {
        throw NOTHING_TO_RECORD;
      }
    }).recover(err -> err == NOTHING_TO_RECORD ? Future.succeededFuture(null) : Future.failedFuture(err));
  }

  private static final RuntimeException NOTHING_TO_RECORD = new NothingToRecord();

  private static final class NothingToRecord extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NothingToRecord() {
      super("nothing to record", null, false, false);
    }
  }

  /** A stored instant; {@code null} when absent or unreadable (then it constrains nothing). */
  private static Instant instantOrNull(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
