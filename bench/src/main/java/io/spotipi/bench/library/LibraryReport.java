package io.spotipi.bench.library;

import io.spotipi.bench.Report;
import io.spotipi.bench.Report.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The table of {@code bench/library.sh}: the cached library page against the cached config document,
 * per interleaved pair, and the fake Spotify's calls over the walk ({@link LibraryWalk}), cold and warm.
 *
 * <p>Usage: {@code LibraryReport FIGURES_TSV VIEWS_PER_MINUTE} (the TSV of {@link Report}).
 */
public final class LibraryReport {
  private LibraryReport() {
  }

  static List<Row> rows(String viewsPerMinute) {
    return List.of(
        new Row("`GET /api/library/playlists` req/s (64 conn), from cache; baseline: cached `GET /api/config`",
            "library_get_rps", "config_get_rps", "≥ 0.8×", s -> s.median() >= 0.8),
        new Row("`GET /api/library/playlists` p99 ms; baseline: `GET /api/config`", "library_get_p99_ms",
            "config_get_p99_ms", "report", null),
        new Row("answer bytes (body): the page of 20 playlists; baseline: the config document", "library_body_bytes",
            "config_body_bytes", "report", null),
        new Row("GET non-2xx or socket errors, library page", "library_get_errors", null, "0", s -> s.max() == 0),
        new Row("GET non-2xx or socket errors, config", "config_get_errors", null, "0", s -> s.max() == 0),
        new Row("CPU steal during the library loads, %", "library_get_steal_pct", null, "report", null),
        new Row("walk, cold cache: Spotify Web API calls (" + LibraryWalk.VIEWS.size() + " page views)",
            "cold_api_calls", null, "report", null),
        new Row("walk, cold cache: Spotify calls per minute at " + viewsPerMinute + " page views a minute",
            "cold_calls_per_minute", null, "report", null),
        new Row("walk, cold cache: most Spotify calls for one page view", "cold_max_calls_per_view", null, "report",
            null),
        new Row("walk, cold cache: token requests", "cold_token_calls", null, "report", null),
        new Row("walk again, warm cache: Spotify Web API calls", "warm_api_calls", null, "report", null),
        new Row("walk again, warm cache: Spotify calls per minute at " + viewsPerMinute + " page views a minute",
            "warm_calls_per_minute", null, "report", null),
        new Row("walk, cold cache: ms for all its views", "cold_ms", null, "report", null),
        new Row("walk, warm cache: ms for all its views", "warm_ms", null, "report", null));
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LibraryReport FIGURES_TSV VIEWS_PER_MINUTE");
      System.exit(2);
    }
    System.out.print(Report.table(rows(args[1]), Report.parseTsv(Files.readAllLines(Path.of(args[0])))));
  }
}
