package io.spotipi.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit file as the tests read it: sections of {@code Key=value} lines, a key that repeats
 * keeping every value in order. Enough for {@code deploy/spotipi.service}, which uses no line
 * continuations or quoting.
 */
public final class UnitFile {
  /** The repository's unit; surefire runs in the app module's folder. */
  public static final Path SERVICE = Path.of("..", "deploy", "spotipi.service");

  private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();

  private UnitFile() {
  }

  public static UnitFile read(Path file) throws IOException {
    UnitFile unit = new UnitFile();
    Map<String, List<String>> section = null;
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = unit.sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
      } else if (section == null || !line.contains("=")) {
        throw new IOException(file + ": not a unit file line: " + raw);
      } else {
        int eq = line.indexOf('=');
        section.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
      }
    }
    return unit;
  }

  /** Every value of the key in the section, in order; empty when it is not set. */
  public List<String> all(String section, String key) {
    return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
  }

  /** The key's one value; fails when it is missing or set more than once. */
  public String one(String section, String key) {
    List<String> values = all(section, key);
    if (values.size() != 1) {
      throw new AssertionError("[" + section + "] " + key + " is set " + values.size() + " times: " + values);
    }
    return values.get(0);
  }

  /** The {@code Environment=} assignments of [Service]. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String assignment : all("Service", "Environment")) {
      int eq = assignment.indexOf('=');
      env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
    return env;
  }

  /** ExecStart's words (split at white space, as systemd does without quotes). */
  public List<String> execStart() {
    return List.of(one("Service", "ExecStart").split("\\s+"));
  }
}
