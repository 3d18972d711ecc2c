package io.spotipi.player.controls;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Timings of the player controls, the library, snooze and the sleep timer: the {@code controls} object
 * of the player verticle's config (absent: these defaults). There to let tests run them in milliseconds.
 *
 * @param commandDeadlineMs how long a playback command (and a snooze's resume) may retry before it fails
 * @param libraryTtlMs how long a list read from Spotify is answered again without asking
 * @param libraryMaxLists how many lists (per user, list, search) are kept
 * @param libraryMaxItems how many items of one list are read at most
 * @param searchMaxItems how many results of one search are read at most
 * @param snoozePollMs how often the player state is looked at while an alarm may be snoozed by pausing it
 * @param sleepFadeMs how long the sleep timer's fade to silence takes
 * @param sleepFadeSteps in how many volume steps
 * @param claimLeaseMs how long a player's claim on a due timer keeps the others off it: longer than
 *     resuming or fading out can take, so that only a claim whose player died is taken over
 * @param recheckMs the longest a timer waits before it reads the clock again (a clock that jumped)
 * @param stateRetryMs how soon loading the timers again is tried when the config owner did not answer
 */
public record ControlsOptions(long commandDeadlineMs, long libraryTtlMs, int libraryMaxLists, int libraryMaxItems,
    int searchMaxItems, long snoozePollMs, long sleepFadeMs, int sleepFadeSteps, long claimLeaseMs, long recheckMs,
    long stateRetryMs) {

  public static final ControlsOptions DEFAULTS = new ControlsOptions(15_000, 600_000, 64, 1_000, 50, 5_000, 60_000,
      12, 120_000, 10_000, 2_000);

  public static ControlsOptions fromJson(JsonObject json) {
    ControlsOptions d = DEFAULTS;
    return new ControlsOptions(json.getLong("commandDeadlineMs", d.commandDeadlineMs),
        json.getLong("libraryTtlMs", d.libraryTtlMs), json.getInteger("libraryMaxLists", d.libraryMaxLists),
        json.getInteger("libraryMaxItems", d.libraryMaxItems), json.getInteger("searchMaxItems", d.searchMaxItems),
        json.getLong("snoozePollMs", d.snoozePollMs), json.getLong("sleepFadeMs", d.sleepFadeMs),
        json.getInteger("sleepFadeSteps", d.sleepFadeSteps), json.getLong("claimLeaseMs", d.claimLeaseMs),
        json.getLong("recheckMs", d.recheckMs), json.getLong("stateRetryMs", d.stateRetryMs));
  }

  public JsonObject toJson() {
    return new JsonObject().put("commandDeadlineMs", commandDeadlineMs).put("libraryTtlMs", libraryTtlMs)
        .put("libraryMaxLists", libraryMaxLists).put("libraryMaxItems", libraryMaxItems)
        .put("searchMaxItems", searchMaxItems).put("snoozePollMs", snoozePollMs).put("sleepFadeMs", sleepFadeMs)
        .put("sleepFadeSteps", sleepFadeSteps).put("claimLeaseMs", claimLeaseMs).put("recheckMs", recheckMs)
        .put("stateRetryMs", stateRetryMs);
  }

  public Duration commandDeadline() {
    return Duration.ofMillis(commandDeadlineMs);
  }

  public Duration libraryTtl() {
    return Duration.ofMillis(libraryTtlMs);
  }

  public Duration claimLease() {
    return Duration.ofMillis(claimLeaseMs);
  }
}
