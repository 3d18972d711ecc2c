package io.spotipi.scheduler.fire;

import io.spotipi.scheduler.Player;
import io.spotipi.scheduler.plan.Alarm;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the player to get ready for an occurrence (token, device) once it is {@code ahead} away, once
 * per occurrence: a re-plan to the same occurrence does not ask again, a new one does. A failed
 * prepare changes nothing; the player does it all at the instant then. Used on its verticle's context.
 */
public final class Preparation {
  private static final Logger log = LoggerFactory.getLogger(Preparation.class);

  private final Player player;
  private final Duration ahead;
  /** The occurrence the player was last asked to prepare for. */
  private Instant prepared;

  public Preparation(Player player, Duration ahead) {
    this.player = player;
    this.ahead = ahead;
  }

  /**
   * Asks the player now if {@code occurrence} is due within {@code ahead} and was not asked for yet.
   *
   * @return milliseconds until it is time to ask; {@link Long#MAX_VALUE} once asked
   */
  public long check(Instant occurrence, Alarm alarm, Instant now) {
    if (occurrence.equals(prepared)) {
      return Long.MAX_VALUE;
    }
    Duration until = Duration.between(now, occurrence.minus(ahead));
    if (!until.isNegative() && !until.isZero()) {
      return until.toMillis() + 1; // toMillis truncates: never look before it is time
    }
    prepared = occurrence;
    log.info("occurrence {}: the player gets ready ({} s ahead)", occurrence, Duration.between(now, occurrence)
        .toSeconds());
    player.prepare(occurrence.toString(), alarm.toSpec()).onFailure(err -> log.warn(
        "occurrence {}: the player could not get ready, it will try at the instant: {}", occurrence, err.getMessage()));
    return Long.MAX_VALUE;
  }
}
