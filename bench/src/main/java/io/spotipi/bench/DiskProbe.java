package io.spotipi.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The baseline of the durable PATCH figure: how many times per second one writer can do what one
 * durable commit does without group commit: write a 1 KiB temp file, fsync it, rename it over the
 * target, fsync the folder.
 *
 * <p>It also reports how long one such durable replace takes (median and 99th percentile): a commit
 * under load waits for the write in progress and then for its own, so this tail shows up in the
 * PATCH p99 whatever the server does.
 *
 * <p>Usage: {@code DiskProbe DIR SECONDS}; DIR must be on the data dir's filesystem. Prints
 * {@code disk_probe_ops_per_sec=N}, {@code disk_probe_p50_ms=X} and {@code disk_probe_p99_ms=Y}.
 */
public final class DiskProbe {
  private static final int FILE_BYTES = 1024;

  private DiskProbe() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: DiskProbe DIR SECONDS");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    double seconds = Double.parseDouble(args[1]);
    Result r = run(dir, (long) (seconds * 1e9));
    System.out.printf("disk_probe_ops_per_sec=%.1f%n", r.opsPerSecond());
    System.out.printf("disk_probe_p50_ms=%.3f%n", r.percentileMs(50));
    System.out.printf("disk_probe_p99_ms=%.3f%n", r.percentileMs(99));
  }

  /** The rate over the whole run and each durable replace's duration, sorted. */
  record Result(double opsPerSecond, long[] sortedNanos) {
    double percentileMs(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }
  }

  /** Durable replaces, one after the other, for the given time. */
  static Result run(Path dir, long nanos) throws IOException {
    Path target = dir.resolve("probe.json");
    Path temp = dir.resolve("probe.json.tmp");
    byte[] bytes = new byte[FILE_BYTES];
    long start = System.nanoTime();
    long deadline = start + nanos;
    long[] durations = new long[1024];
    int ops = 0;
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      for (long opStart = start; opStart < deadline; opStart = System.nanoTime()) {
        Arrays.fill(bytes, (byte) ('a' + ops % 26)); // new content each time, as a commit
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer buf = ByteBuffer.wrap(bytes);
          while (buf.hasRemaining()) {
            file.write(buf);
          }
          file.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        folder.force(true);
        if (ops == durations.length) {
          durations = Arrays.copyOf(durations, ops * 2);
        }
        durations[ops++] = System.nanoTime() - opStart;
      }
    } finally {
      Files.deleteIfExists(target);
      Files.deleteIfExists(temp);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(durations, ops);
    Arrays.sort(sorted);
    return new Result(ops / seconds, sorted);
  }
}
