package io.spotipi.app;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * SpotiPi's logging, set up in code: one line per event on stdout ({@code spoti start} sends it to
 * {@code <data-dir>/spotipi.log}), an exception's first frames folded into the same line.
 *
 * <p>Logback finds this class through {@code META-INF/services} before it looks for a {@code logback.xml}.
 * Read from XML, the same setup makes the start slower (bench/results/README.md): the XML parser and
 * logback's Joran classes load on the main thread before anything can log.
 * {@code -Dlogback.configurationFile=FILE} still replaces it with the user's own file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg"
      + "%replace(%replace( %ex{3}){'[\\r\\n]+\\s*', ' | '}){'^ $| \\| $', ''}%nopex%n";

  private static final Map<String, Level> LEVELS = Map.of(
      "io.spotipi", Level.INFO,
      "io.vertx", Level.WARN,
      "io.netty", Level.WARN,
      "com.hazelcast", Level.WARN,
      // Vert.x 5.0.7's Micrometer metrics register the vertx.eventbus.handlers gauge twice at startup
      // (reproduced on a bare Vertx); Micrometer's one harmless warning about it is noise.
      "io.micrometer.core.instrument.MeterRegistry", Level.ERROR);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
    stdout.setContext(context);
    stdout.setName("STDOUT");
    stdout.setEncoder(encoder);
    stdout.start();
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stdout);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
