package io.spotipi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingPlayerTest {
  @Test
  void logsTheStartAndOneLinePerFadeStep() {
    Logger logger = (Logger) LoggerFactory.getLogger(LoggingPlayer.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      Instant at = Instant.parse("2026-11-30T06:00:00Z");
      AlarmSpec spec = new AlarmSpec("07:00", List.of(0), "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", "Bedroom", 12,
          true, false);
      FadePlan fade = FadePlan.of(12, true);
      assertTrue(new LoggingPlayer().play(new AlarmFired(at.toString(), at, at, 0, spec), fade).succeeded());

      List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(1 + fade.steps().size(), messages.size());
      assertTrue(messages.get(0).contains("Bedroom") && messages.get(0).contains("37i9dQZF1DXcBWIGoYBM5M"));
      assertTrue(messages.get(messages.size() - 1).contains("volume 12 at +15 s"), messages.toString());
      assertTrue(messages.stream().allMatch(m -> m.startsWith("occurrence " + at)));
    } finally {
      logger.detachAppender(lines);
    }
  }
}
