package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/spotipi.service}: what it promises (its own user and data dir, restarts, a clean stop,
 * the hardening), checked in its text and by {@code systemd-analyze}, on a copy whose java is this
 * JVM's (verify wants ExecStart's program to exist; the Pi's {@code /usr/bin/java} need not here).
 */
class ServiceUnitTest {
  private static final String DATA_DIR = "/var/lib/spotipi";
  private static final Duration ANALYZE_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: ([0-9.]+)");
  /** systemd-analyze security rates 0 (locked down) to 10; a careful admin's service stays below 2. */
  private static final double MAX_EXPOSURE = 2.0;

  private static UnitFile unit;

  @BeforeAll
  static void read() throws IOException {
    unit = UnitFile.read(UnitFile.SERVICE);
  }

  @Test
  void runsTheJarAsItsOwnUserOnItsStateDirectory() {
    assertEquals("spotipi", unit.one("Service", "User"));
    assertEquals("spotipi", unit.one("Service", "StateDirectory"));
    assertEquals(DATA_DIR, unit.environment().get("SPOTIPI_DATA_DIR"));
    assertEquals(DATA_DIR + "/spotify.env", unit.environment().get("SPOTIPI_SPOTIFY_ENV_FILE"));
    List<String> exec = unit.execStart();
    assertEquals("/usr/bin/java", exec.get(0));
    assertEquals(List.of("$JAVA_OPTS", "-jar", "/opt/spotipi/spotipi.jar"), exec.subList(exec.size() - 3, exec.size()),
        "the admin's JAVA_OPTS come last before the jar, so they win");
    assertTrue(exec.contains("-XX:SharedArchiveFile=/opt/spotipi/spotipi.jsa"), exec.toString());
    assertTrue(exec.stream().anyMatch(word -> word.startsWith("-Xmx")), "a bounded heap: " + exec);
  }

  @Test
  void restartsOnFailureAndAfterAClusterMergeButNotOnABadOption() {
    assertEquals("on-failure", unit.one("Service", "Restart"));
    List<String> noRestart = List.of(unit.one("Service", "RestartPreventExitStatus").split("\\s+"));
    assertEquals(List.of(String.valueOf(Main.EXIT_USAGE)), noRestart);
    assertFalse(unit.all("Service", "SuccessExitStatus").contains(String.valueOf(ClusterSetup.EXIT_REJOIN)));
  }

  @Test
  void givesTheJvmTimeToDrainOnSigterm() {
    // The JVM exits 143 after its shutdown hook: a clean stop, not a failure.
    assertEquals("143", unit.one("Service", "SuccessExitStatus"));
    assertEquals(List.of(), unit.all("Service", "KillSignal"), "systemd's default, SIGTERM");
    String timeout = unit.one("Service", "TimeoutStopSec");
    assertTrue(timeout.matches("[0-9]+"), timeout);
    assertTrue(Long.parseLong(timeout) > Main.STOP_TIMEOUT_SECONDS, "TimeoutStopSec " + timeout
        + " must outlast the JVM's own bounded stop of " + Main.STOP_TIMEOUT_SECONDS + " s");
  }

  @Test
  void isHardenedAsFarAsAJvmAllows() {
    Map<String, String> expected = Map.of("NoNewPrivileges", "yes", "ProtectSystem", "strict", "ProtectHome", "yes",
        "PrivateTmp", "yes", "CapabilityBoundingSet", "", "AmbientCapabilities", "",
        "RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6", "LockPersonality", "yes",
        "ProtectKernelTunables", "yes", "ProtectKernelModules", "yes");
    expected.forEach((key, value) -> assertEquals(value, unit.one("Service", key), key));
    // The JIT maps memory writable and executable.
    assertEquals(List.of(), unit.all("Service", "MemoryDenyWriteExecute"));
    // It writes only in its state directory, which StateDirectory= already opens under ProtectSystem=strict.
    assertEquals(List.of(), unit.all("Service", "ReadWritePaths"));
  }

  @Test
  void passesSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
    Path copy = runnableCopy(dir);
    Command.Result verify = analyze("verify", copy.toString());
    assertEquals(0, verify.status(), verify.toString());
    assertFalse(verify.output().contains(copy.getFileName().toString()), "verify complains: " + verify);
  }

  @Test
  void systemdAnalyzeRatesItsExposureLow(@TempDir Path dir) throws Exception {
    Command.Result security = analyze("security", "--offline=yes", runnableCopy(dir).toString());
    Matcher exposure = EXPOSURE.matcher(security.output());
    assertTrue(exposure.find(), security.toString());
    assertTrue(Double.parseDouble(exposure.group(1)) < MAX_EXPOSURE, security.toString());
  }

  /** The unit with this JVM's java in ExecStart, under its real name (systemd takes the unit's name from it). */
  private static Path runnableCopy(Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String text = Files.readString(UnitFile.SERVICE);
    assertTrue(text.contains("ExecStart=/usr/bin/java "), "ExecStart runs /usr/bin/java");
    Path copy = dir.resolve("spotipi.service");
    Files.writeString(copy, text.replace("ExecStart=/usr/bin/java ", "ExecStart=" + java + " "));
    return copy;
  }

  private static Command.Result analyze(String... args) throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "systemd units are Linux's");
    List<String> command = new ArrayList<>(List.of("systemd-analyze"));
    command.addAll(List.of(args));
    try {
      return Command.run(command, Map.of(), ANALYZE_TIMEOUT);
    } catch (IOException e) {
      throw new AssertionError("systemd-analyze is missing: install Debian's package systemd (.ci/run does)", e);
    }
  }
}
