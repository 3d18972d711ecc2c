package io.spotipi.app.packaged;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spotipi.app.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive that the package phase trains ({@code target/spotipi.jsa}) fits the
 * jar built with it, and holds what a start needs: with {@code -Xshare:on} a JVM refuses to start on an
 * archive it cannot use, and its class-loading log names where each class came from.
 */
class ClassArchiveTest {
  private static final Path JAR = Path.of("target/spotipi.jar").toAbsolutePath();
  private static final Path ARCHIVE = Path.of("target/spotipi.jsa").toAbsolutePath();
  private static final String FROM_ARCHIVE = "source: shared objects file (top)";
  private static final String FROM_JAR = "source: file:" + JAR;

  @Test
  void aStartLoadsItsClassesFromTheArchive(@TempDir Path dir) throws Exception {
    assumeFalse(Boolean.getBoolean("spotipi.cds.skip"), "built with -Dspotipi.cds.skip=true");
    // A JDK without its own base archive cannot write one on top of it: the build then writes none.
    assumeTrue(System.getProperty("java.vm.info", "").contains("sharing"), "this JVM runs without CDS");
    assertTrue(Files.isRegularFile(ARCHIVE), ARCHIVE + " was not built");
    ChildJvm jvm = ChildJvm.start(ChildJvm.command(
        List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load=info"),
        JAR, List.of("--host", "127.0.0.1", "--port", String.valueOf(ChildJvm.freePort()),
            "--data-dir", dir.resolve("data").toString())),
        Map.of(), dir.resolve("out.log"));
    try {
      jvm.awaitOutput("SpotiPi ready on", Duration.ofSeconds(60));
    } finally {
      jvm.stop();
    }
    String log = jvm.output();
    String start = log.substring(0, log.indexOf("SpotiPi ready on"));
    long archived = start.lines().filter(l -> l.endsWith(FROM_ARCHIVE)).count();
    List<String> fromJar = start.lines().filter(l -> l.endsWith(FROM_JAR)).toList();
    assertTrue(start.contains("io.spotipi.app.Main " + FROM_ARCHIVE), "Main did not come from the archive");
    // The training run covers the start: hardly a class is left to read from the jar.
    assertTrue(fromJar.size() * 50 <= archived, archived + " classes from the archive, " + fromJar.size()
        + " from the jar:\n" + String.join("\n", fromJar));
  }
}
