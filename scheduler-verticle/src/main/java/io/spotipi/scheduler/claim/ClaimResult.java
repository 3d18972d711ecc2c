package io.spotipi.scheduler.claim;

import io.spotipi.scheduler.plan.Alarm;
import java.time.Instant;

/** How a claim ended. Only {@link Won} plays. */
public sealed interface ClaimResult {
  /** This scheduler's claim is recorded: it plays {@code alarm}, the stored alarm as of the claim. */
  record Won(Alarm alarm) implements ClaimResult {
  }

  /** Another scheduler claimed this occurrence, or a later one ({@code recorded}), first. */
  record Lost(Instant recorded, String by) implements ClaimResult {
  }

  /** The stored alarm no longer fires at this occurrence, or cannot be read. */
  record Declined(String reason) implements ClaimResult {
  }

  /** The claim could not be committed (the owner stayed unreachable, or refused it). */
  record Failed(String reason) implements ClaimResult {
  }
}
