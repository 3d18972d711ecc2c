package io.spotipi.shared.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects Vert.x's blocked-thread warnings ("Thread ... has been blocked for ...") so a test can
 * assert that nothing ran too long on an event loop. Use with {@link TestVertx#strict()}.
 */
public final class BlockedThreadWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  public static BlockedThreadWatch install() {
    BlockedThreadWatch w = new BlockedThreadWatch();
    w.setContext(w.root.getLoggerContext());
    w.start();
    w.root.addAppender(w);
    return w;
  }

  @Override
  protected void append(ILoggingEvent e) {
    String m = e.getFormattedMessage();
    if (m != null && m.contains("has been blocked for")) {
      warnings.add(m);
    }
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
