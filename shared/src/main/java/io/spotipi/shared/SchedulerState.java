package io.spotipi.shared;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The value of the {@link StateSections#SCHEDULER} section: what every scheduler on the store agrees
 * on. A claim of an occurrence is a compare-and-set of this section through the owner.
 *
 * @param plannedOccurrence the occurrence the schedulers wait for, or {@code null}
 * @param lastFiredOccurrence the newest occurrence claimed for playing, or {@code null}
 * @param lastFiredBy which scheduler instance made that claim (its node id and a per-start suffix)
 * @param pendingDisable a one-time alarm's claimed occurrence whose alarm is still to be switched off
 *     in the config (a claim and that switch are two commits: any scheduler finishes the second), or
 *     {@code null}
 */
public record SchedulerState(Instant plannedOccurrence, Instant lastFiredOccurrence, String lastFiredBy,
    Instant pendingDisable) {
  /** UTC ISO-8601 instant; absent while none is planned. */
  public static final String PLANNED_OCCURRENCE = "planned_occurrence";
  /** UTC ISO-8601 instant. */
  public static final String LAST_FIRED_OCCURRENCE = "last_fired_occurrence";
  public static final String LAST_FIRED_BY = "last_fired_by";
  /** UTC ISO-8601 instant. */
  public static final String PENDING_DISABLE = "pending_disable";
  public static final List<String> FIELDS = List.of(PLANNED_OCCURRENCE, LAST_FIRED_OCCURRENCE, LAST_FIRED_BY,
      PENDING_DISABLE);
  /**
   * The fields that were top-level keys of the user's config before the internal state existed: the
   * owner moves them out of an old data dir and keeps them out of the config.
   */
  public static final List<String> LEGACY_CONFIG_KEYS = List.of(PLANNED_OCCURRENCE, LAST_FIRED_OCCURRENCE,
      LAST_FIRED_BY);

  /** Nothing planned, nothing fired. */
  public static final SchedulerState NONE = new SchedulerState(null, null, null, null);

  /**
   * The section's value as a record.
   *
   * @throws IllegalArgumentException naming the field that is not what it should be
   */
  public static SchedulerState fromJson(JsonObject value) {
    for (String key : value.fieldNames()) {
      if (!FIELDS.contains(key)) {
        throw new IllegalArgumentException(key + ": not a field of the scheduler state");
      }
    }
    Object by = value.getValue(LAST_FIRED_BY);
    if (by != null && !(by instanceof String)) {
      throw new IllegalArgumentException(LAST_FIRED_BY + ": must be a string");
    }
    return new SchedulerState(JsonValues.instant(value, PLANNED_OCCURRENCE),
        JsonValues.instant(value, LAST_FIRED_OCCURRENCE), (String) by, JsonValues.instant(value, PENDING_DISABLE));
  }

  /** The section's value; absent fields are left out. */
  public JsonObject toJson() {
    JsonObject out = new JsonObject();
    if (plannedOccurrence != null) {
      out.put(PLANNED_OCCURRENCE, plannedOccurrence.toString());
    }
    if (lastFiredOccurrence != null) {
      out.put(LAST_FIRED_OCCURRENCE, lastFiredOccurrence.toString());
    }
    if (lastFiredBy != null) {
      out.put(LAST_FIRED_BY, lastFiredBy);
    }
    if (pendingDisable != null) {
      out.put(PENDING_DISABLE, pendingDisable.toString());
    }
    return out;
  }

  public SchedulerState withPlanned(Instant occurrence) {
    return new SchedulerState(occurrence, lastFiredOccurrence, lastFiredBy, pendingDisable);
  }

  public SchedulerState withClaim(Instant occurrence, String claimant) {
    return new SchedulerState(plannedOccurrence, occurrence, claimant, pendingDisable);
  }

  public SchedulerState withPendingDisable(Instant occurrence) {
    return new SchedulerState(plannedOccurrence, lastFiredOccurrence, lastFiredBy, occurrence);
  }
}
