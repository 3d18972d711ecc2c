package io.spotipi.app.packaged;

import static io.spotipi.app.packaged.ScratchRoot.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.app.Command;
import io.spotipi.app.UnitFile;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install.sh --from-original}: an original SpotiPi's config folder and credentials move into
 * the service's data dir, under the config name the original ran with, and the service then runs on
 * them; the original's files are only read, its units (which share our unit's name) make way, and
 * {@code --uninstall} leaves the imported data where it is.
 */
class ImportOriginalTest {
  private static final String DATA = "/var/lib/spotipi";
  private static final String SETTINGS = "/etc/default/spotipi";
  private static final String UNITS = "/etc/systemd/system";

  @Test
  void theServiceRunsOnTheOriginalsConfigAndCredentialsWhichOutliveAnUninstall(@TempDir Path dir)
      throws Exception {
    ScratchRoot root = new ScratchRoot(dir.resolve("root")).withJava();
    OriginalSpotiPi original = OriginalSpotiPi.create(dir.resolve("home/pi"), "SPOTIPI_ENV=production");
    Map<String, String> before = ScratchRoot.snapshot(original.home);

    String out = succeeded(root.install("--from-original", original.checkout.toString()));
    assertTrue(out.contains("Config name: production (SPOTIPI_ENV in " + original.credentials + ")"), out);
    for (String secret : List.of(OriginalSpotiPi.CLIENT_SECRET, OriginalSpotiPi.REFRESH_TOKEN, OriginalSpotiPi.CLIENT_ID)) {
      assertFalse(out.contains(secret), "a secret in the installer's output: " + out);
    }
    assertEquals(before, ScratchRoot.snapshot(original.home), "the original was changed");
    for (String name : List.of("default_config.json", "production.json", "development.json")) {
      Path imported = root.path(DATA + "/" + name);
      assertEquals(-1, Files.mismatch(original.checkout.resolve("config").resolve(name), imported), name);
      assertEquals("rw-------", ScratchRoot.mode(imported), name);
    }
    Path credentials = root.path(DATA + "/spotify.env");
    assertEquals("rw-------", ScratchRoot.mode(credentials));
    assertEquals("# Spotify credentials, imported from " + original.credentials + "\n"
        + OriginalSpotiPi.credentialLines(), Files.readString(credentials), "only the Spotify lines, as they were");
    assertTrue(out.contains("would run: chown spotipi:spotipi " + credentials), out);
    assertEquals("rw-------", ScratchRoot.mode(root.path(SETTINGS)));
    assertTrue(Files.readAllLines(root.path(SETTINGS)).contains("SPOTIPI_ENV=production"));

    try (InstalledService service = InstalledService.start(root, false, dir.resolve("service.log"))) {
      JsonObject config = new JsonObject(service.get("/api/config").body());
      // production.json over the original's default_config.json, not development.json.
      assertEquals(35, config.getInteger("alarm_volume"), config.encode());
      assertEquals("07:15", config.getString("time"));
      assertEquals(OriginalSpotiPi.PLAYLIST, config.getString("playlist_uri"));
      assertEquals("Kitchen", config.getString("device_name"));
      HttpResponse<String> saved = service.patchConfig("{\"alarm_volume\": 36}");
      assertEquals(200, saved.statusCode(), saved.body());
    }

    // A second import keeps what the service saved since, and adds nothing.
    Map<String, String> data = ScratchRoot.snapshot(root.path(DATA));
    String again = succeeded(root.install("--from-original", original.checkout.toString()));
    assertTrue(again.contains("kept " + root.path(DATA + "/production.json")), again);
    assertTrue(again.contains("Everything was up to date."), again);
    assertEquals(data, ScratchRoot.snapshot(root.path(DATA)));
    assertEquals(36, new JsonObject(Files.readString(root.path(DATA + "/production.json"))).getInteger("alarm_volume"));
    assertEquals(before, ScratchRoot.snapshot(original.home));

    // --uninstall takes the service and the jar and keeps the data (twice: the second finds nothing to do).
    String settings = Files.readString(root.path(SETTINGS));
    String removed = succeeded(root.run(Map.of(), List.of("--uninstall")));
    assertTrue(removed.contains("would run: systemctl disable --now spotipi.service"), removed);
    for (String gone : List.of(UNITS + "/spotipi.service", "/opt/spotipi/spotipi.jar", "/opt/spotipi/spotipi.jsa",
        "/opt/spotipi")) {
      assertFalse(Files.exists(root.path(gone)), gone + " is still there:\n" + removed);
    }
    assertTrue(removed.contains("Kept /var/lib/spotipi"), removed);
    String nothingLeft = succeeded(root.run(Map.of(), List.of("--uninstall")));
    assertFalse(nothingLeft.contains("systemctl"), nothingLeft);
    assertEquals(data, ScratchRoot.snapshot(root.path(DATA)));
    assertEquals(settings, Files.readString(root.path(SETTINGS)));
  }

  @Test
  void findsTheConfigNameAsTheOriginalDoes(@TempDir Path dir) throws Exception {
    record Case(String envLine, Map<String, String> env, List<String> args, String expected) {
    }
    List<Case> cases = List.of(
        new Case("SPOTIPI_ENV=development  # or 'production' - Overrides auto-detection", Map.of(), List.of(),
            "development"),
        new Case("export SPOTIPI_ENV='production'", Map.of(), List.of(), "production"),
        // Without SPOTIPI_ENV the original runs as production on a Raspberry Pi, which this forces.
        new Case(null, Map.of("SPOTIPI_RASPBERRY_PI", "1"), List.of(), "production"),
        new Case("SPOTIPI_ENV=production", Map.of(), List.of("--env", "bedroom"), "bedroom"));
    int n = 0;
    for (Case c : cases) {
      Path run = dir.resolve("case" + n++);
      ScratchRoot root = new ScratchRoot(run.resolve("root")).withEmptyJar(Files.createDirectories(run));
      OriginalSpotiPi original = OriginalSpotiPi.create(run.resolve("home/pi"), c.envLine());
      List<String> args = new ArrayList<>(List.of("--from-original", original.checkout.toString()));
      args.addAll(c.args());
      Command.Result result = root.install(c.env(), args.toArray(String[]::new));
      assertEquals(0, result.status(), c + ": " + result);
      assertTrue(Files.readAllLines(root.path(SETTINGS)).contains("SPOTIPI_ENV=" + c.expected()), c + ": " + result);
      if (c.expected().equals("bedroom")) {
        assertTrue(result.output().contains("the original has no bedroom.json"), result.toString());
      }
    }
  }

  @Test
  void theOriginalsUnitsMakeWayOnlyForAnImport(@TempDir Path dir) throws Exception {
    ScratchRoot root = new ScratchRoot(dir.resolve("root")).withEmptyJar(dir);
    OriginalSpotiPi original = OriginalSpotiPi.create(dir.resolve("home/pi"), "SPOTIPI_ENV=production");
    Map<String, String> units = Map.of(
        "spotipi.service", "[Unit]\nDescription=SpotiPi Web Application\n[Service]\n"
            + "ExecStart=/home/pi/spotipi/venv/bin/python run.py\n",
        "spotipi.service.d/override.conf", "[Service]\nExecStart=\nExecStart=/home/pi/spotipi/venv/bin/python run.py\n",
        "spotipi-alarm.service", "[Unit]\nRequires=spotipi.service\n[Service]\nType=oneshot\n",
        "spotipi-alarm.timer", "[Timer]\nOnCalendar=*-*-* 05:30:00\n");
    for (Map.Entry<String, String> unit : units.entrySet()) {
      Path file = root.path(UNITS + "/" + unit.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, unit.getValue());
    }
    Map<String, String> before = ScratchRoot.snapshot(root.dir);

    Command.Result plain = root.install();
    assertEquals(1, plain.status(), plain.toString());
    assertTrue(plain.output().contains("units of the original SpotiPi"), plain.toString());
    assertEquals(before, ScratchRoot.snapshot(root.dir), "a refused install wrote something");

    String out = succeeded(root.install("--from-original", original.checkout.toString()));
    assertTrue(out.contains("would run: systemctl disable --now spotipi.service spotipi-alarm.timer spotipi-alarm.service"),
        out);
    for (Map.Entry<String, String> unit : units.entrySet()) {
      assertEquals(unit.getValue(), Files.readString(root.path("/var/backups/spotipi-original-units/" + unit.getKey())));
    }
    assertEquals(-1, Files.mismatch(UnitFile.SERVICE, root.path(UNITS + "/spotipi.service")));
    for (String gone : List.of("spotipi.service.d", "spotipi-alarm.service", "spotipi-alarm.timer")) {
      assertFalse(Files.exists(root.path(UNITS + "/" + gone)), gone);
    }
    // From now on the unit is ours: a plain install goes through.
    succeeded(root.install());
  }
}
