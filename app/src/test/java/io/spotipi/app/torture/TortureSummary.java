package io.spotipi.app.torture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of one torture test, logged as they come and written to
 * {@code target/torture/<test>.md}, which bench/torture.sh gathers into bench/results/.
 */
final class TortureSummary {
  private static final Logger log = LoggerFactory.getLogger(TortureSummary.class);

  private final String name;
  private final List<String> lines = new ArrayList<>();

  TortureSummary(String name) {
    this.name = name;
  }

  TortureSummary add(String format, Object... args) {
    String line = String.format(format, args);
    log.info("{}: {}", name, line);
    lines.add("- " + line);
    return this;
  }

  void write() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "torture"));
    Files.write(dir.resolve(name + ".md"), lines);
  }
}
