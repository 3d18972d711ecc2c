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
 * <p>Usage: {@code DiskProbe DIR SECONDS}; DIR must be on the data dir's filesystem. Prints
 * {@code disk_probe_ops_per_sec=N}.
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
    System.out.printf("disk_probe_ops_per_sec=%.1f%n", run(dir, (long) (seconds * 1e9)));
  }

  /** Durable replaces per second over the given time. */
  static double run(Path dir, long nanos) throws IOException {
    Path target = dir.resolve("probe.json");
    Path temp = dir.resolve("probe.json.tmp");
    byte[] bytes = new byte[FILE_BYTES];
    long start = System.nanoTime();
    long deadline = start + nanos;
    long ops = 0;
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      while (System.nanoTime() < deadline) {
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
        ops++;
      }
    } finally {
      Files.deleteIfExists(target);
      Files.deleteIfExists(temp);
    }
    return ops / ((System.nanoTime() - start) / 1e9);
  }
}
