package io.spotipi.shared.testing;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;

/** Vert.x instances for tests. */
public final class TestVertx {
  private TestVertx() {
  }

  /**
   * Vert.x that reports any event-loop task over 1 s, with its stack. Cold-JVM class loading alone
   * can take a few hundred ms on a loaded 2-core box; blocking I/O on an event loop is caught
   * deterministically by FileStore's own guard, this catches the gross rest.
   */
  public static VertxOptions strictOptions() {
    return new VertxOptions()
        .setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(1000).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(1000).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
  }

  public static Vertx strict() {
    return Vertx.vertx(strictOptions());
  }
}
