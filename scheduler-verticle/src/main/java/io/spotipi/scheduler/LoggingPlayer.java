package io.spotipi.scheduler;

import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The player when no Spotify credentials are configured: logs each step it would take. */
public class LoggingPlayer implements Player {
  private static final Logger log = LoggerFactory.getLogger(LoggingPlayer.class);

  @Override
  public Future<Void> play(AlarmFired fired, FadePlan fade) {
    AlarmSpec alarm = fired.alarm();
    log.info("occurrence {}: would play '{}' on device '{}' (shuffle {})", fired.occurrence(), alarm.playlistUri(),
        alarm.deviceName(), alarm.shuffle());
    for (FadePlan.Step step : fade.steps()) {
      log.info("occurrence {}: would set volume {} at +{} s", fired.occurrence(), step.volume(),
          step.offset().toSeconds());
    }
    return Future.succeededFuture();
  }
}
