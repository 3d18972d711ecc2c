package io.spotipi.app.torture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real storage faults under a running SpotiPi: a full filesystem (a 256 KiB tmpfs), a data dir
 * remounted read-only, and a data dir that vanishes. In each, PATCH answers 503 with Retry-After,
 * GET keeps answering the last durable revision, the file on disk always parses and holds that
 * revision, and once the fault clears the next PATCH commits again. The mount cases need root and
 * permission to mount; where mounting is refused they are skipped (an assumption, not a pass).
 */
@Tag("torture")
class FaultInjectionTortureTest {
  private static final int FAILED_ATTEMPTS = 5;

  @TempDir
  Path temp;

  @Test
  void aFullDiskFailsCommitsWith503AndRecoversWhenSpaceIsFreed() throws Exception {
    Path disk = Files.createDirectories(temp.resolve("disk"));
    assumeMounted(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()), "tmpfs mount");
    try {
      Path filler = disk.resolve("filler");
      exercise("full-disk", disk.resolve("data"), () -> fill(filler), () -> Files.delete(filler));
    } finally {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void aReadOnlyDataDirFailsCommitsWith503AndRecoversWhenWritableAgain() throws Exception {
    Path data = Files.createDirectories(temp.resolve("data"));
    exercise("read-only", data, () -> {
      assumeMounted(run("mount", "--bind", data.toString(), data.toString()), "bind mount");
      assumeMounted(run("mount", "-o", "remount,ro,bind", data.toString()), "read-only remount");
    }, () -> run("umount", data.toString()));
  }

  @Test
  void aVanishedDataDirFailsCommitsWith503AndRecoversWhenItIsBack() throws Exception {
    Path data = temp.resolve("data");
    Path aside = temp.resolve("data.gone");
    exercise("vanished", data, () -> Files.move(data, aside), () -> Files.move(aside, data));
  }

  interface Step {
    void run() throws Exception;
  }

  /** One commit, the fault, failing commits and working reads, the fault cleared, one commit. */
  private void exercise(String name, Path data, Step fault, Step clear) throws Exception {
    TortureSummary summary = new TortureSummary("fault-" + name);
    try (SpotiPiProcess spotipi = SpotiPiProcess.start(data, temp.resolve(name + ".log"))) {
      HttpResponse<String> first = spotipi.patch("{\"torture_value\": 1}");
      assertEquals(200, first.statusCode(), first.body());
      long durable = SpotiPiProcess.revision(first);
      assertStoredRevision(spotipi, durable);

      fault.run();
      for (int i = 0; i < FAILED_ATTEMPTS; i++) {
        HttpResponse<String> failed = spotipi.patch("{\"torture_value\": " + (100 + i) + "}");
        assertEquals(503, failed.statusCode(), failed.body());
        assertTrue(failed.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
        HttpResponse<String> read = spotipi.get("/api/config");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(durable, SpotiPiProcess.revision(read));
        assertTrue(read.body().contains("\"torture_value\":1"), read.body());
      }
      summary.add("%d commits under the fault: all 503 with Retry-After; GET stayed 200 at revision %d",
          FAILED_ATTEMPTS, durable);

      clear.run();
      assertStoredRevision(spotipi, durable);
      HttpResponse<String> recovered = spotipi.patch("{\"torture_value\": 2}");
      assertEquals(200, recovered.statusCode(), recovered.body());
      long after = SpotiPiProcess.revision(recovered);
      assertTrue(after > durable, "revision went from " + durable + " to " + after);
      assertStoredRevision(spotipi, after);
      assertEquals(2, spotipi.storedFile().getInteger("torture_value"));
      summary.add("fault cleared: the next PATCH committed revision %d; the file parsed at every step", after);
    } finally {
      summary.write();
    }
  }

  private static void assertStoredRevision(SpotiPiProcess spotipi, long revision) throws IOException {
    assertEquals(revision, spotipi.storedFile().getJsonObject("_meta").getLong("revision"));
  }

  /** Writes until the filesystem refuses (ENOSPC). */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException expected) {
      // the disk is full: that is the fault
    }
  }

  private static void assumeMounted(String failure, String what) {
    assumeTrue(failure == null, what + " not permitted here, case skipped: " + failure);
  }

  /** Runs a command; null when it succeeded, else its output. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out.trim();
  }
}
