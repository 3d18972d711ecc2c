package io.spotipi.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app's first load in headless Chromium (Debian's {@code chromium} and {@code chromedriver}):
 * each run starts a browser with a new, empty profile, so nothing is cached, and loads the page once
 * cold and once more warm (its assets cached, as on a user's next visit).
 *
 * <p>Per load it reads the browser's own Resource Timing: bytes transferred (compressed bodies plus
 * headers, as on the wire) and decoded, and the number of requests; the open event stream is not
 * counted (its entry appears only when it ends). Times from the navigation's start: first contentful
 * paint, {@code DOMContentLoaded}, {@code load}, <em>ready</em> (the home screen shows the alarm read from
 * the API and the event stream is open: the status pill says live) and <em>interactive</em>, the later
 * of ready and the end of the last long task (≥ 50 ms on the main thread) before the main thread has
 * been free of them for {@value #QUIET_MS} ms.
 *
 * <p>Usage: {@code FirstLoad URL RUNS}. Prints one {@code run=...} line per load and then the medians and
 * maxima as {@code key=value} lines ({@code cold_transfer_kb_median=...}).
 */
public final class FirstLoad {
  static final String CHROMIUM = System.getProperty("spotipi.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("spotipi.chromedriver", "/usr/bin/chromedriver");
  static final long QUIET_MS = 1000;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * Installed before the page's own scripts (the DevTools protocol is not bound by the page's
   * Content-Security-Policy): records the long tasks, and the moment the home screen first shows data.
   */
  private static final String PROBE = """
      window.__firstLoad = { longTasks: [], ready: null };
      new PerformanceObserver((list) => list.getEntries().forEach((e) =>
        window.__firstLoad.longTasks.push([e.startTime, e.startTime + e.duration]))).observe({ type: 'longtask', buffered: true });
      const check = () => {
        if (window.__firstLoad.ready == null && document.querySelector('[data-testid=card-time]')
            && document.querySelector('.pill-ok')) {
          window.__firstLoad.ready = performance.now();
        }
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      """;

  private static final String READ = """
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const sum = (list, key) => list.reduce((n, e) => n + e[key], 0);
      const probe = window.__firstLoad;
      const before = probe.longTasks.filter(([s]) => s <= probe.ready + arguments[0]);
      const busy = before.reduce((end, [, e]) => Math.max(end, e), 0);
      return { transfer: nav.transferSize + sum(res, 'transferSize'), decoded: nav.decodedBodySize + sum(res, 'decodedBodySize'),
        requests: 1 + res.length, fcp: fcp ? fcp.startTime : -1, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        ready: probe.ready, longTasks: probe.longTasks.length, interactive: Math.max(probe.ready, busy) };
      """;

  /** One load's figures: bytes (KB = 1000 bytes), times (ms from the navigation's start). */
  record Load(double transferKb, double decodedKb, int requests, double fcpMs, double dclMs, double loadMs,
      double readyMs, int longTasks, double interactiveMs) {
    String line(String kind, int run) {
      return String.format("run=%d kind=%s transfer_kb=%.1f decoded_kb=%.1f requests=%d fcp_ms=%.0f dcl_ms=%.0f"
          + " load_ms=%.0f ready_ms=%.0f long_tasks=%d interactive_ms=%.0f", run, kind, transferKb, decodedKb,
          requests, fcpMs, dclMs, loadMs, readyMs, longTasks, interactiveMs);
    }
  }

  private FirstLoad() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: FirstLoad URL RUNS");
      System.exit(2);
    }
    String url = args[0];
    int runs = Integer.parseInt(args[1]);
    List<Load> cold = new ArrayList<>();
    List<Load> warm = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Path profile = Files.createTempDirectory("spotipi-first-load");
      ChromeDriver driver = start(profile);
      try {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        Load c = load(driver, url);
        driver.get("about:blank");
        Load w = load(driver, url);
        System.out.println(c.line("cold", run));
        System.out.println(w.line("warm", run));
        cold.add(c);
        warm.add(w);
      } finally {
        driver.quit();
        deleteTree(profile);
      }
    }
    summary("cold", cold);
    summary("warm", warm);
  }

  private static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run",
        "--window-size=1280,860", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  @SuppressWarnings("unchecked")
  private static Load load(ChromeDriver driver, String url) throws InterruptedException {
    driver.get(url);
    new WebDriverWait(driver, TIMEOUT).withMessage("the home screen with data").until(
        d -> driver.executeScript("return window.__firstLoad && window.__firstLoad.ready != null"));
    // the main thread must stay free of long tasks for a while after ready
    Thread.sleep(QUIET_MS);
    Map<String, Object> m = (Map<String, Object>) driver.executeScript(READ, QUIET_MS);
    return new Load(num(m, "transfer") / 1000, num(m, "decoded") / 1000, (int) num(m, "requests"),
        num(m, "fcp"), num(m, "dcl"), num(m, "load"), num(m, "ready"), (int) num(m, "longTasks"), num(m, "interactive"));
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  private static void summary(String kind, List<Load> loads) {
    print(kind + "_transfer_kb", "%.1f", loads.stream().map(Load::transferKb).toList());
    print(kind + "_decoded_kb", "%.1f", loads.stream().map(Load::decodedKb).toList());
    print(kind + "_requests", "%.0f", loads.stream().map(l -> (double) l.requests()).toList());
    print(kind + "_fcp_ms", "%.0f", loads.stream().map(Load::fcpMs).toList());
    print(kind + "_ready_ms", "%.0f", loads.stream().map(Load::readyMs).toList());
    print(kind + "_interactive_ms", "%.0f", loads.stream().map(Load::interactiveMs).toList());
  }

  private static void print(String key, String format, List<Double> values) {
    Stats s = Stats.of(values);
    System.out.printf("%s_median=" + format + "%n%s_max=" + format + "%n", key, s.median(), key, s.max());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
