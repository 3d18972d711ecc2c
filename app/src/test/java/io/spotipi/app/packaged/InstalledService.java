package io.spotipi.app.packaged;

import io.spotipi.app.ChildJvm;
import io.spotipi.app.UnitFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service as systemd would start it from the unit installed in a scratch root: its ExecStart and
 * its Environment= and EnvironmentFile= settings, every absolute path moved into the root, plus a
 * loopback host and a free port. With {@code -Xshare:on} in front, it starts only if the installed
 * class-data-sharing archive fits the installed java and jar.
 */
final class InstalledService implements AutoCloseable {
  private static final Duration READY_WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final ChildJvm child;
  private final String base;

  private InstalledService(ChildJvm child, String base) {
    this.child = child;
    this.base = base;
  }

  static InstalledService start(ScratchRoot root, boolean archiveMustFit, Path log)
      throws IOException, InterruptedException {
    UnitFile unit = UnitFile.read(root.path("/etc/systemd/system/spotipi.service"));
    List<String> command = new ArrayList<>();
    for (String word : unit.execStart()) {
      // JAVA_OPTS is empty unless the settings file sets it.
      if (!word.equals("$JAVA_OPTS")) {
        command.add(inRoot(root, word));
      }
      if (command.size() == 1 && archiveMustFit) {
        command.add("-Xshare:on");
      }
    }
    Map<String, String> env = new HashMap<>();
    unit.environment().forEach((key, value) -> env.put(key, inRoot(root, value)));
    for (String file : unit.all("Service", "EnvironmentFile")) {
      Path settings = root.path(file.replaceFirst("^-", ""));
      if (Files.exists(settings)) {
        env.putAll(settingsOf(settings));
      }
    }
    int port = ChildJvm.freePort();
    env.put("SPOTIPI_HOST", "127.0.0.1");
    env.put("SPOTIPI_PORT", String.valueOf(port));
    ChildJvm child = ChildJvm.start(command, env, log);
    String base = "http://127.0.0.1:" + port;
    child.awaitOutput("SpotiPi ready on " + base, READY_WAIT);
    return new InstalledService(child, base);
  }

  /** A word with its absolute path (alone, or after {@code =}) moved into the root. */
  private static String inRoot(ScratchRoot root, String word) {
    if (word.startsWith("/")) {
      return root.path(word).toString();
    }
    return word.replace("=/", "=" + root.dir + "/");
  }

  /** KEY=VALUE lines, as systemd reads an environment file (the installer writes no quotes). */
  private static Map<String, String> settingsOf(Path file) throws IOException {
    Map<String, String> settings = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
        settings.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
      }
    }
    return settings;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> patchConfig(String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/config")).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What it logged so far. */
  String output() {
    return child.output();
  }

  /** SIGTERM, as systemctl stop sends, and the wait for it to end. */
  @Override
  public void close() {
    child.stop();
  }
}
