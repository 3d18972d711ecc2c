package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.config.apply.InternalState;
import io.spotipi.config.storage.StateFile;
import io.spotipi.config.storage.StoredFile;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateSections;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill -9 in a loop of commits: a child JVM commits with several writers and is SIGKILLed at a
 * random moment; after each kill the file must parse, hold a revision at least the last acknowledged
 * one, and hold every acknowledged value; no revision may be acknowledged twice. The internal state
 * written beside it must hold its last acknowledged revision and value too.
 */
class CrashLoopTest {
  private static final Logger log = LoggerFactory.getLogger(CrashLoopTest.class);

  @TempDir
  Path dir;

  @Test
  void acknowledgedCommitsSurviveSigkill() throws Exception {
    crashLoop(5, 8);
  }

  @Test
  @Tag("torture")
  void acknowledgedCommitsSurviveAHundredSigkills() throws Exception {
    crashLoop(100, 32);
  }

  private void crashLoop(int iterations, int writers) throws Exception {
    Map<String, Integer> acked = new HashMap<>();
    Set<Long> revisions = new HashSet<>();
    long lastAcked = 0;
    long totalAcks = 0;
    long stateRevision = 0;
    long stateSecond = 0;
    long stateAcks = 0;
    for (int i = 0; i < iterations; i++) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx128m", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
          dir.toString(), String.valueOf(writers))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      long killAfter = TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(50, 800));
      long killAt = Long.MAX_VALUE;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int acksThisRound = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
        String line;
        boolean ready = false;
        while ((line = out.readLine()) != null) {
          String[] f = line.split(" ");
          if (f[0].equals("READY")) {
            assertTrue(Long.parseLong(f[1]) >= lastAcked, "restart lost revisions: " + line);
            ready = true;
          } else if (f[0].equals("STATE")) {
            stateRevision = Math.max(stateRevision, Long.parseLong(f[1]));
            stateSecond = Math.max(stateSecond, Long.parseLong(f[2]));
            stateAcks++;
          } else if (f[0].equals("ACK")) {
            long rev = Long.parseLong(f[1]);
            assertTrue(revisions.add(rev), "revision acknowledged twice: " + rev);
            lastAcked = Math.max(lastAcked, rev);
            acked.merge(f[2], Integer.parseInt(f[3]), Math::max);
            if (acksThisRound++ == 0) {
              killAt = System.nanoTime() + killAfter; // a random moment into the stream of commits
            }
          }
          long now = System.nanoTime();
          if ((ready && now > killAt) || now > deadline) {
            break;
          }
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
      }
      assertTrue(acksThisRound > 0, "iteration " + i + " acknowledged nothing");
      totalAcks += acksThisRound;

      StoredFile.Contents file = StoredFile.decode(Buffer.buffer(Files.readAllBytes(dir.resolve("test.json"))));
      assertTrue(file.revision() >= lastAcked, "file at " + file.revision() + " < acknowledged " + lastAcked);
      for (Map.Entry<String, Integer> e : acked.entrySet()) {
        int onDisk = file.overrides().getInteger(e.getKey(), 0);
        assertTrue(onDisk >= e.getValue(), e.getKey() + " acknowledged " + e.getValue() + " but disk has " + onDisk);
      }
      Path stateFile = dir.resolve("test.state.json");
      if (stateAcks > 0) {
        InternalState.Section s = StateFile.decode(Buffer.buffer(Files.readAllBytes(stateFile)))
            .section(StateSections.SCHEDULER);
        long second = SchedulerState.fromJson(s.value()).lastFiredOccurrence().getEpochSecond();
        assertTrue(s.revision() >= stateRevision, "state at " + s.revision() + " < acknowledged " + stateRevision);
        assertTrue(second >= stateSecond, "state value " + second + " < acknowledged " + stateSecond);
      }
    }
    assertTrue(stateAcks > 0, "no state commit was acknowledged");
    log.info("crash loop: {} SIGKILLs, {} acknowledged commits, last revision {}, {} state commits, lost 0",
        iterations, totalAcks, lastAcked, stateAcks);
  }

}
