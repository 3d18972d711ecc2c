package io.spotipi.app.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.app.Command;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A scratch root that {@code deploy/install.sh --root} installs into, as the tests run it: with bash,
 * bounded in time, the repository's checkout as the installer's own.
 */
final class ScratchRoot {
  static final Path INSTALLER = Path.of("..", "deploy", "install.sh").toAbsolutePath().normalize();
  /** The jar the package phase built. */
  static final Path BUILT_JAR = Path.of("target", "spotipi.jar").toAbsolutePath();
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);

  final Path dir;
  private Path jar = BUILT_JAR;

  ScratchRoot(Path dir) {
    this.dir = dir;
  }

  /**
   * Installs a jar of nothing but a manifest instead of the built one, for tests about other things
   * than the jar (and without a java in the root, so no archive is trained on it): a quicker copy.
   */
  ScratchRoot withEmptyJar(Path folder) throws IOException {
    jar = folder.resolve("empty.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return this;
  }

  /** This JVM's java as the target's {@code /usr/bin/java}, the installed JRE the installer trains with. */
  ScratchRoot withJava() throws IOException {
    Path java = path("/usr/bin/java");
    Files.createDirectories(java.getParent());
    Files.createSymbolicLink(java, Path.of(System.getProperty("java.home"), "bin", "java"));
    return this;
  }

  /** A path of the target system, inside this root. */
  Path path(String absolute) {
    return dir.resolve(absolute.substring(1));
  }

  /** {@code install.sh --root DIR --jar <the built jar, or the empty one> args...}. */
  Command.Result install(String... args) throws IOException, InterruptedException {
    return install(Map.of(), args);
  }

  Command.Result install(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("--jar", jar.toString()));
    all.addAll(List.of(args));
    return run(env, all);
  }

  /** {@code install.sh --root DIR args...}, as given. */
  Command.Result run(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", INSTALLER.toString(), "--root", dir.toString()));
    command.addAll(args);
    return Command.run(command, env, INSTALL_TIMEOUT);
  }

  /** The output of a run, which must have exited 0. */
  static String succeeded(Command.Result result) {
    assertEquals(0, result.status(), result.toString());
    return result.output();
  }

  /**
   * Every file, folder and link below {@code top}: its permissions, and a file's size, modification
   * time and SHA-256, a link's target. Equal snapshots: nothing was written, moved or changed.
   */
  static Map<String, String> snapshot(Path top) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(top)) {
      for (Path path : paths.toList()) {
        String name = top.relativize(path).toString();
        if (Files.isSymbolicLink(path)) {
          entries.put(name, "-> " + Files.readSymbolicLink(path));
        } else if (Files.isDirectory(path)) {
          entries.put(name, mode(path) + " dir");
        } else {
          entries.put(name, mode(path) + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis()
              + " " + sha256(path));
        }
      }
    }
    return entries;
  }

  static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0;) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
