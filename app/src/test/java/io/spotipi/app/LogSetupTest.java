package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LogSetupTest {

  @Test
  void logsOneLinePerEventWithTheLevelsOfEachLibrary() {
    List<String> lines = logged(context -> {
      Logger spotipi = context.getLogger("io.spotipi.config.ConfigVerticle");
      spotipi.debug("not shown");
      spotipi.info("revision {}: store loaded", 7);
      context.getLogger("io.vertx.core.impl.VertxImpl").info("not shown either");
      context.getLogger("io.vertx.core.impl.BlockedThreadChecker").warn("Thread blocked");
      spotipi.error("revision 8: write failed", new IllegalStateException("disk gone",
          new IOException("No space left on device")));
    });

    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* INFO  \\[.+] "
        + "io\\.spotipi\\.config\\.ConfigVerticle - revision 7: store loaded"), lines.get(0));
    assertTrue(lines.get(1).endsWith(" - Thread blocked"), lines.get(1));
    String error = lines.get(2);
    assertTrue(error.contains(" - revision 8: write failed java.lang.IllegalStateException: disk gone | at "), error);
    assertTrue(error.contains(" | Caused by: java.io.IOException: No space left on device | at "), error);
    assertFalse(error.endsWith(" "), error);
  }

  @Test
  void aLogbackFileNamedOnTheCommandLineReplacesIt() {
    String before = System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
    System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, "my-logback.xml");
    try {
      LoggerContext context = new LoggerContext();
      LogSetup setup = new LogSetup();
      setup.setContext(context);
      assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
      assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
    } finally {
      if (before == null) {
        System.clearProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
      } else {
        System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, before);
      }
    }
  }

  /** The lines a fresh logging context set up by {@link LogSetup} writes to stdout while {@code body} runs. */
  private static List<String> logged(Consumer<LoggerContext> body) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LogSetup setup = new LogSetup();
      setup.setContext(context);
      assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));
      body.accept(context);
    } finally {
      context.stop();
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
