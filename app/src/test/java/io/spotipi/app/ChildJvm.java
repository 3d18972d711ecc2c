package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * SpotiPi's {@link Main} as a child JVM of the tests: started with this JVM's {@code java}, without the
 * caller's {@code SPOTIPI_*} variables, its output in files; waited for by a line of that output, and
 * ended by signals, every wait bounded.
 */
public final class ChildJvm {
  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(20);

  /** Every child started here, killed when the test JVM exits however the tests ended. */
  private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();
  private static final int FIRST_PORT = 20_000;
  private static final int PORT_COUNT = 12_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
        "child-jvm-reaper"));
  }

  private final Process process;
  private final Path out;
  /** Where stderr goes: {@link #out} itself when the two are merged. */
  private final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * The command line: {@code java jvmArgs -jar jar args}, or with {@code jar} null, {@link Main} on this
   * test's classpath (the same code, current with the build; it logs as the jar does, through
   * {@link LogSetup}).
   */
  public static List<String> command(List<String> jvmArgs, Path jar, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    if (jar == null) {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    } else {
      command.addAll(List.of("-jar", jar.toString()));
    }
    command.addAll(args);
    return command;
  }

  /** Starts {@code command} with {@code env} added, stdout and stderr together in {@code log}. */
  public static ChildJvm start(List<String> command, Map<String, String> env, Path log) throws IOException {
    return start(new ProcessBuilder(command).redirectErrorStream(true), env, log, log);
  }

  /** Starts {@code command} with stdout in {@code out} and stderr in {@code err}. */
  static ChildJvm start(List<String> command, Path out, Path err) throws IOException {
    return start(new ProcessBuilder(command).redirectError(err.toFile()), Map.of(), out, err);
  }

  private static ChildJvm start(ProcessBuilder builder, Map<String, String> env, Path out, Path err)
      throws IOException {
    builder.redirectOutput(out.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SPOTIPI_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    STARTED.add(process);
    return new ChildJvm(process, out, err);
  }

  /**
   * A loopback port that was free a moment ago and was not handed out before, below the kernel's
   * ephemeral range (32768 and up on Linux). A child binds it a second or more later; a port from that
   * range can meanwhile become the local end of an outgoing connection, such as a starting cluster
   * node's to a peer, and the child then fails to bind it.
   */
  public static int freePort() throws IOException {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = FIRST_PORT + ThreadLocalRandom.current().nextInt(PORT_COUNT);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        return port;
      } catch (IOException taken) {
        // another one
      }
    }
    throw new IOException("no free loopback port in " + FIRST_PORT + ".." + (FIRST_PORT + PORT_COUNT - 1));
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** What it wrote to stdout so far (with stderr, when merged). */
  public String output() {
    return read(out);
  }

  String errors() {
    return read(err);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the output contains {@code text}; fails, and kills the child, when it ends or the wait does first. */
  public void awaitOutput(String text, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!output().contains(text)) {
      if (!alive() || System.nanoTime() > deadline) {
        String failure = out + ": no '" + text + "' within " + wait + " (alive: " + alive() + "):\n" + output()
            + (err.equals(out) ? "" : errors());
        kill();
        throw new AssertionError(failure);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Waits for the child to end by itself; its exit status. Kills it and fails when it does not end in time. */
  public int exitCode(Duration wait) throws InterruptedException {
    if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError(out + ": the child did not exit within " + wait);
    }
    return process.exitValue();
  }

  /** SIGTERM, without waiting. */
  void terminate() {
    process.destroy();
  }

  /** SIGTERM (a clean shutdown) and waits; SIGKILL if it is still there after the wait. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** SIGKILL, and waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGSTOP: the whole JVM freezes, as on a machine that hangs. */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  /** Process only sends SIGTERM and SIGKILL: other signals go through kill(1). */
  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start();
    assertTrue(kill.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS), "kill -" + name + " did not end");
    assertEquals(0, kill.exitValue(), "kill -" + name + " " + pid());
  }
}
