package io.spotipi.app.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * One stack and one Chromium for the tests of a class (starting either takes seconds), and a
 * screenshot of what the page showed when a test failed.
 */
abstract class BrowserTestBase {
  @TempDir
  static Path dir;
  static WebStack stack;
  static Browser browser;
  @RegisterExtension
  final TestWatcher failureShots = Browser.screenshotOnFailure(() -> browser);

  @BeforeAll
  static void start() {
    stack = WebStack.start(dir, null);
    browser = Browser.start(stack.images.chromiumArguments());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (stack != null) {
      stack.close();
    }
  }
}
