package io.spotipi.bench.spotify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One SpotiPi process of the real jar, as {@code bench/run.sh} starts it (the JVM flags it is given,
 * 127.0.0.1, a free port, its own data dir, {@code SPOTIPI_RATE_LIMIT=off}), with its output in a log
 * file. None of the {@code SPOTIFY_*} variables of whoever runs the bench reaches it.
 */
final class SpotiPiChild implements AutoCloseable {
  private static final long READY_WAIT_MS = 60_000;

  final String url;
  private final Process process;
  private final Path log;

  private SpotiPiChild(Process process, String url, Path log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  /**
   * Starts the jar and waits for its ready line.
   *
   * @param args the options beyond {@code --host}, {@code --port}, {@code --data-dir} and {@code --env}
   */
  static SpotiPiChild start(Path jar, List<String> jvm, Path dataDir, Path log, List<String> args)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvm);
    command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--data-dir", dataDir.toString(), "--env", "bench"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("SPOTIFY_") || k.startsWith("SPOTIPI_"));
    env.put("SPOTIPI_RATE_LIMIT", "off");
    SpotiPiChild child = new SpotiPiChild(builder.start(), "http://127.0.0.1:" + port, log);
    child.awaitLine("SpotiPi ready on " + child.url);
    return child;
  }

  /** A free loopback port below the kernel's ephemeral range, where no outgoing connection takes it meanwhile. */
  private static int freePort() throws IOException {
    for (int i = 0; i < 100; i++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32000");
  }

  private void awaitLine(String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_WAIT_MS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IOException("SpotiPi exited with " + process.exitValue() + ", see " + log);
      }
      Thread.sleep(10);
    }
    close();
    throw new IOException("no '" + text + "' within " + READY_WAIT_MS + " ms, see " + log);
  }

  /** The process's resident set (VmRSS), in MiB. */
  double rssMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for " + process.pid());
  }

  /** SIGTERM, up to 30 s for a clean exit, then SIGKILL. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
