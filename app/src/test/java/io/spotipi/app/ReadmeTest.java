package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README, spoti and .ci/run are contracts too: they must agree with the parser and each other. */
class ReadmeTest {
  private static final String TEST_COMMAND = "mvn -B verify";

  /** Surefire runs in the module's folder, so the repository root is its parent. */
  private static String repoFile(String name) throws IOException {
    return Files.readString(Path.of("..", name));
  }

  @Test
  void configurationTableListsEveryOptionWithItsVariableAndDefault() throws IOException {
    String readme = repoFile("README.md");
    for (Option option : Option.values()) {
      String row = option.envVar() == null
          ? "| `" + option.flag() + "` |"
          : "| `" + option.flag() + "` | `" + option.envVar() + "` | "
              + (option.defaultValue() == null ? "unset" : "`" + option.defaultValue() + "`") + " |";
      assertTrue(readme.contains(row), "README row missing: " + row);
    }
  }

  @Test
  void readmeSpotiAndCiRunTheSameTestCommand() throws IOException {
    assertTrue(repoFile("README.md").contains("## Test\n\n```sh\n" + TEST_COMMAND + "\n```"), "README");
    assertTrue(repoFile("spoti").contains("TEST_COMMAND=(" + TEST_COMMAND + ")"), "spoti");
    assertTrue(repoFile(".ci/run").strip().endsWith("\n" + TEST_COMMAND), ".ci/run");
  }
}
