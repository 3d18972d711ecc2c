package io.spotipi.player.fake;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every line SpotiPi's loggers write while it is open, as formatted, for checks on what a log says. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger spotipi = (Logger) LoggerFactory.getLogger("io.spotipi");

  public static LogCapture open() {
    LogCapture c = new LogCapture();
    c.setContext(c.spotipi.getLoggerContext());
    c.start();
    c.spotipi.addAppender(c);
    return c;
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(event.getLevel() + " " + event.getFormattedMessage()
        + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public List<String> containing(String text) {
    return lines.stream().filter(l -> l.contains(text)).toList();
  }

  @Override
  public void close() {
    spotipi.detachAppender(this);
    stop();
  }
}
