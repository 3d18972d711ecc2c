package io.spotipi.app;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar spotipi.jar [options]}: reads the options, starts the node, logs one ready line,
 * and closes the node cleanly on SIGTERM. Exit status 2 for a bad command line, 1 when starting fails.
 */
public final class Main {
  static final int EXIT_START_FAILED = 1;
  static final int EXIT_USAGE = 2;
  private static final long START_TIMEOUT_SECONDS = 120;
  static final long STOP_TIMEOUT_SECONDS = 60;

  private Main() {
  }

  public static void main(String[] args) {
    routeLibraryLogging();
    Logger log = LoggerFactory.getLogger(Main.class);
    try {
      Optional<AppOptions> parsed = AppOptions.parse(List.of(args), System.getenv());
      if (parsed.isEmpty()) {
        System.out.print(Usage.text());
        return;
      }
      AppOptions options = parsed.get();
      String nodeId = NodeId.resolve(options.dataDir(), options.nodeId());
      run(options, nodeId, log);
    } catch (UsageException e) {
      System.err.println("spotipi: " + e.getMessage());
      System.exit(EXIT_USAGE);
    } catch (IOException e) {
      log.error("SpotiPi cannot start: no node id: {}", e.toString());
      System.exit(EXIT_START_FAILED);
    }
  }

  /** Before any Vert.x or Hazelcast class logs: route both through SLF4J (set up by {@link LogSetup}). */
  static void routeLibraryLogging() {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    System.setProperty("hazelcast.logging.type", "slf4j");
  }

  private static void run(AppOptions options, String nodeId, Logger log) {
    log.info("SpotiPi starting: node {}, verticles {}, data dir {}, env {}, event loops {}", nodeId, names(options),
        options.dataDir().toAbsolutePath().normalize(), options.env(), options.eventLoops());
    SpotiPiNode node;
    try {
      node = SpotiPiNode.create(options).toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      log.error("SpotiPi failed to start: could not join the cluster: {}", e instanceof ExecutionException
          ? e.getCause().toString() : e.toString());
      System.exit(EXIT_START_FAILED);
      return;
    }
    log.info("network transport: {}", node.transport());
    // Registered before deploying, so a SIGTERM during startup also closes Vert.x cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, log), "spotipi-shutdown"));
    try {
      node.deploy(options, nodeId).toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      log.error("SpotiPi failed to start: {}", e.getCause().getMessage());
      System.exit(EXIT_START_FAILED);
      return;
    } catch (TimeoutException | InterruptedException e) {
      log.error("SpotiPi failed to start: verticles not up within {} s", START_TIMEOUT_SECONDS);
      System.exit(EXIT_START_FAILED);
      return;
    }
    if (options.runs(Verticle.API)) {
      log.info("SpotiPi ready on http://{}:{}", options.host(), options.port());
    } else {
      log.info("SpotiPi ready (verticles: {})", names(options));
    }
  }

  /** Runs on SIGTERM/SIGINT: undeploying lets in-flight commits finish and become durable. */
  private static void stop(SpotiPiNode node, Logger log) {
    log.info("SpotiPi stopping");
    try {
      node.close().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.info("SpotiPi stopped");
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      log.error("SpotiPi did not stop cleanly within {} s: {}", STOP_TIMEOUT_SECONDS, e.toString());
    }
  }

  private static String names(AppOptions options) {
    return options.verticles().stream().map(Verticle::id).collect(Collectors.joining(","));
  }
}
