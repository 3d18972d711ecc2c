package io.spotipi.app.packaged;

import static io.spotipi.app.packaged.ScratchRoot.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spotipi.app.Command;
import io.spotipi.app.UnitFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/install.sh} against a scratch root ({@code --root}): what it writes where the unit
 * expects it, that a second run changes nothing, that the archive follows the jar, and that it refuses
 * bad input before writing anything ({@link ImportOriginalTest} covers the import and
 * {@code --uninstall}). With --root it runs no apt, useradd, chown or systemctl
 * and says what it would run instead, which the tests read.
 */
class InstallerTest {
  private static final String UNIT = "/etc/systemd/system/spotipi.service";

  @Test
  void installsWhereTheUnitLooksAndASecondRunChangesNothing(@TempDir Path dir) throws Exception {
    ScratchRoot root = new ScratchRoot(dir.resolve("root")).withJava();
    String first = succeeded(root.install());

    assertEquals(-1, Files.mismatch(UnitFile.SERVICE, root.path(UNIT)));
    assertEquals("rw-r--r--", ScratchRoot.mode(root.path(UNIT)));
    UnitFile unit = UnitFile.read(root.path(UNIT));
    List<String> exec = unit.execStart();
    assertEquals(-1, Files.mismatch(ScratchRoot.BUILT_JAR, root.path(exec.get(exec.size() - 1))), "the jar ExecStart runs");
    String archive = exec.stream().filter(w -> w.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
    assertTrue(Files.isRegularFile(root.path(archive.substring(archive.indexOf('=') + 1))), first);
    Path data = root.path(unit.environment().get("SPOTIPI_DATA_DIR"));
    assertEquals("rwxr-x---", ScratchRoot.mode(data));
    assertTrue(first.contains("would run: useradd --system --user-group --home-dir /var/lib/spotipi"), first);
    assertTrue(first.contains("would run: chown spotipi:spotipi " + data), first);
    assertTrue(first.contains("would run: systemctl daemon-reload\nwould run: systemctl enable --quiet spotipi.service\n"
        + "would run: systemctl restart spotipi.service\n"), first);
    assertTrue(first.matches("(?s).*\n  http://[^/\\s]+\\.local:5001/\n.*"), first);
    assertFalse(first.contains("apt"), "a Java 17+ is there: " + first);

    Map<String, String> installed = ScratchRoot.snapshot(root.dir);
    String second = succeeded(root.install());
    assertEquals(installed, ScratchRoot.snapshot(root.dir));
    assertTrue(second.contains("Everything was up to date.\n"), second);
    assertTrue(second.contains("would run: systemctl start spotipi.service\n"), second);
    assertFalse(second.contains("daemon-reload") || second.contains("restart") || second.contains("Training"), second);

    // An archive records its jar's time: once the jar is not the one it was trained on, it no longer
    // fits and the next run trains it again.
    assumeTrue(System.getProperty("java.vm.info", "").contains("sharing"), "this JVM runs without CDS");
    Path jar = root.path(exec.get(exec.size() - 1));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    String third = succeeded(root.install());
    assertTrue(third.contains("does not fit this java and jar") && third.contains("Training"), third);
    assertTrue(third.contains("would run: systemctl restart spotipi.service"), third);
    // The service starts on it only if it fits (-Xshare:on).
    try (InstalledService service = InstalledService.start(root, true, dir.resolve("service.log"))) {
      assertEquals(200, service.get("/readyz").statusCode());
    }
  }

  @Test
  void refusesBadInputBeforeWritingAnything(@TempDir Path dir) throws Exception {
    ScratchRoot root = new ScratchRoot(dir.resolve("root"));
    Path notAnOriginal = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(notAnOriginal.resolve("cat.jpg"), "not a config");
    Map<List<String>, Integer> cases = Map.of(
        List.of("--bogus"), 2,
        List.of("--env"), 2,
        List.of("--env", "../etc/passwd"), 2,
        List.of("--uninstall", "--jar", "x.jar"), 2,
        List.of("--original-env", "x.env"), 2,
        List.of("--jar", dir.resolve("missing.jar").toString()), 1,
        List.of("--jar", notAnOriginal.resolve("cat.jpg").toString()), 1,
        List.of("--jar", ScratchRoot.BUILT_JAR.toString(), "--from-original", dir.resolve("nowhere").toString()), 1,
        List.of("--jar", ScratchRoot.BUILT_JAR.toString(), "--from-original", notAnOriginal.toString()), 1);
    for (Map.Entry<List<String>, Integer> bad : cases.entrySet()) {
      Command.Result result = root.run(Map.of(), bad.getKey());
      assertEquals(bad.getValue(), result.status(), bad.getKey() + ": " + result);
      assertTrue(result.output().startsWith("install.sh: "), bad.getKey() + ": " + result);
      // At most the root folder itself, which --root creates.
      Map<String, String> written = Files.exists(root.dir) ? ScratchRoot.snapshot(root.dir) : Map.of();
      assertTrue(written.size() <= 1, bad.getKey() + " wrote " + written);
    }
  }

  @Test
  void wantsRootWithoutAScratchRoot() throws Exception {
    List<String> command = List.of("bash", ScratchRoot.INSTALLER.toString(), "--jar", ScratchRoot.BUILT_JAR.toString());
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    // As root, drop to nobody for the run; as anyone else, the run is unprivileged already.
    List<String> asUser = asRoot ? prefixed(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
        command) : command;
    Command.Result result = Command.run(asUser, Map.of(), Duration.ofMinutes(1));
    assertEquals(1, result.status(), result.toString());
    assertTrue(result.output().contains("run it as root (sudo), or with --root DIR"), result.toString());
  }

  private static List<String> prefixed(List<String> prefix, List<String> command) {
    return Stream.concat(prefix.stream(), command.stream()).toList();
  }
}
