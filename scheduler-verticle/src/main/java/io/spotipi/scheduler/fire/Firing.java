package io.spotipi.scheduler.fire;

import io.spotipi.scheduler.Player;
import io.spotipi.scheduler.claim.ClaimResult;
import io.spotipi.scheduler.claim.OccurrenceClaimer;
import io.spotipi.scheduler.plan.Alarm;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmStatus.LastFired;
import io.spotipi.shared.message.AlarmTriggered;
import io.spotipi.shared.message.PlayOutcome;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires occurrences: a scheduled one only when its claim is won, a manual one at once. Each is
 * announced on {@code spotipi.alarm.fired}, handed to the {@link Player}, and its outcome recorded as
 * {@link #lastFired()}, counted, and (when it played) its device remembered. Used on its verticle's
 * context.
 */
public final class Firing {
  private static final Logger log = LoggerFactory.getLogger(Firing.class);

  private final EventBus bus;
  private final Clock clock;
  private final OccurrenceClaimer claimer;
  private final Player player;
  private final DeviceMemory devices;
  private final String nodeId;
  private final Consumer<String> outcomes;
  private LastFired lastFired;

  /** @param outcomes told each recorded outcome ({@link LastFired#PLAYED}, ...), for the metric */
  public Firing(EventBus bus, Clock clock, OccurrenceClaimer claimer, Player player, DeviceMemory devices,
      String nodeId, Consumer<String> outcomes) {
    this.bus = bus;
    this.clock = clock;
    this.claimer = claimer;
    this.player = player;
    this.devices = devices;
    this.nodeId = nodeId;
    this.outcomes = outcomes;
  }

  /** The newest occurrence fired here, with what became of it; {@code null} before the first. */
  public LastFired lastFired() {
    return lastFired;
  }

  /**
   * Claims a due occurrence and plays it if the claim is won. Completes once the claim is settled:
   * the next occurrence can be planned while this one plays.
   */
  public Future<Void> scheduled(Instant occurrence, Instant dueSeen) {
    String id = occurrence.toString();
    return claimer.claim(occurrence).map(result -> {
      if (result instanceof ClaimResult.Won won) {
        // Lateness counts from the claim: a claim retried through a failover plays that much later.
        play(id, occurrence, clock.instant(), won.alarm());
      } else if (result instanceof ClaimResult.Lost lost) {
        log.info("occurrence {} not played by {}: occurrence {} was claimed by {}", id, nodeId, lost.recorded(),
            lost.by());
        record(entry(id, occurrence, dueSeen, LastFired.LOST, "played by " + lost.by()));
      } else if (result instanceof ClaimResult.Declined declined) {
        log.info("occurrence {} not played: {}", id, declined.reason());
      } else if (result instanceof ClaimResult.Failed failed) {
        log.warn("occurrence {} not played, the claim failed: {}", id, failed.reason());
        record(entry(id, occurrence, dueSeen, LastFired.FAILED, "the claim failed: " + failed.reason()));
      }
      return null;
    });
  }

  /**
   * Fires the stored alarm as {@code manual-<now>}, without a claim (a manual occurrence must not block
   * a scheduled one); completes once its playback started or failed.
   */
  public Future<AlarmTriggered> manual(ConfigSnapshot snapshot) {
    Alarm alarm;
    try {
      alarm = Alarm.parse(snapshot.config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ConfigFailure(ErrorCode.CONFLICT, "the stored alarm cannot be played: "
          + e.getMessage()));
    }
    Instant now = clock.instant();
    String id = "manual-" + now;
    return play(id, now, now, alarm).map(outcome -> outcome.played()
        ? new AlarmTriggered(id, now, LastFired.PLAYED, outcome.deviceName(), outcome.detail(), null)
        : new AlarmTriggered(id, now, LastFired.FAILED, null, outcome.detail(), failure(outcome)));
  }

  /** Announces the occurrence, hands it to the player and records the outcome. */
  private Future<PlayOutcome> play(String id, Instant scheduledFor, Instant firedAt, Alarm alarm) {
    long lateMs = Duration.between(scheduledFor, firedAt).toMillis();
    AlarmFired fired = new AlarmFired(id, scheduledFor, firedAt, lateMs, alarm.toSpec());
    bus.publish(Addresses.ALARM_FIRED, Json.toJson(fired));
    log.info("occurrence {} fired by {} ({} ms late)", id, nodeId, lateMs);
    return player.play(fired).onSuccess(outcome -> {
      if (outcome.played()) {
        log.info("occurrence {}: {}", id, outcome.detail());
        devices.remember(id, alarm.deviceName(), outcome.deviceId());
      } else {
        log.warn("occurrence {} not played ({}): {}", id, failure(outcome), outcome.detail());
      }
      record(entry(id, scheduledFor, firedAt, outcome.played() ? LastFired.PLAYED : LastFired.FAILED,
          outcome.detail()));
    });
  }

  private static LastFired entry(String id, Instant scheduledFor, Instant firedAt, String outcome, String detail) {
    return new LastFired(id, firedAt, Duration.between(scheduledFor, firedAt).toMillis(), outcome, detail);
  }

  /** Counts the outcome; it is the last fired unless one fired later has finished first. */
  private void record(LastFired entry) {
    outcomes.accept(entry.outcome());
    if (lastFired == null || !entry.firedAt().isBefore(lastFired.firedAt())) {
      lastFired = entry;
    }
  }

  /** A failed outcome's code; one that names none counts as a player that could not be used. */
  private static ErrorCode failure(PlayOutcome outcome) {
    return outcome.failure() != null ? outcome.failure() : ErrorCode.UNAVAILABLE;
  }
}
