package io.spotipi.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns the figures of one benchmark run into the Markdown table: min / median / max over the rounds,
 * the baseline measured in the same rounds, the ratio per round (per pair where a round measures
 * several pairs; of the medians for JMH), and the target.
 *
 * <p>Usage: {@code Report FIGURES_TSV [JMH_JSON]}. The TSV holds {@code name<TAB>value} lines, one per
 * figure per round (or per pair), in order; a figure and its baseline pair up by position. JMH
 * results count each measurement iteration as a round.
 */
public final class Report {
  /** One line of the table; {@code check} is null for figures that are only reported. */
  public record Row(String label, String figure, String baseline, String target, Predicate<Stats> check) {
  }

  static final List<Row> ROWS = List.of(
      new Row("GET /api/config req/s (64 conn)", "get_rps", "bare_get_rps", "≥ 0.9× bare server",
          s -> s.median() >= 0.9),
      new Row("GET /api/config p99 ms", "get_p99_ms", "bare_get_p99_ms", "report", null),
      new Row("GET non-2xx or socket errors", "get_errors", null, "0", s -> s.max() == 0),
      new Row("PATCH durable commits/s (64 conn)", "patch_rps", "disk_probe_ops_per_sec", "≥ 8× disk probe",
          s -> s.median() >= 8),
      new Row("PATCH p99 ms", "patch_p99_ms", null, "≤ 10 ms (quiet machine)", s -> s.median() <= 10),
      new Row("PATCH p50 ms", "patch_p50_ms", null, "report", null),
      new Row("PATCH p99 ms, 1 connection (nothing to wait for but its own commit)", "patch1_p99_ms", null,
          "report", null),
      new Row("PATCH commits/s (64 conn) against the same with the data dir in memory (tmpfs: no disk cost)",
          "patch_rps", "patch_mem_rps", "report", null),
      new Row("PATCH p99 ms against the same with the data dir in memory (tmpfs: no disk cost)", "patch_p99_ms",
          "patch_mem_p99_ms", "report", null),
      new Row("disk probe: one durable replace, p50 ms", "disk_probe_p50_ms", null, "report", null),
      new Row("disk probe: one durable replace, p99 ms", "disk_probe_p99_ms", null, "report", null),
      new Row("PATCH non-2xx or socket errors", "patch_errors", null, "0", s -> s.max() == 0),
      new Row("CPU steal during the PATCH load, % (the host's other tenants: how quiet the machine was)",
          "patch_steal_pct", null, "report", null),
      new Row("CAS increments/s over HTTP (16 clients); baseline: etcd transactions, the same race",
          "cas_successes_per_sec", "etcd_cas_successes_per_sec", "report", null),
      new Row("CAS conflicts (412) per success; baseline: etcd's failed transactions per success",
          "cas_conflicts_per_success", "etcd_cas_conflicts_per_success", "report", null),
      new Row("CAS lost updates", "cas_lost_updates", null, "0", s -> s.max() == 0),
      new Row("CAS other errors", "cas_errors", null, "0", s -> s.max() == 0),
      new Row("CAS lost updates and errors against etcd (a check of the client)", "etcd_cas_lost_updates", null,
          "0", s -> s.max() == 0),
      new Row("GET req/s (64 conn) against etcd 3.4 linearizable reads of the same bytes (HTTP/JSON)", "get_rps",
          "etcd_range_rps", "report (issue: far ahead)", null),
      new Row("GET p99 ms against etcd's read p99", "get_p99_ms", "etcd_range_p99_ms", "report", null),
      new Row("PATCH commits/s (64 conn) against etcd 3.4 durable puts (HTTP/JSON)", "patch_rps", "etcd_put_rps",
          "report (issue: far ahead)", null),
      new Row("PATCH p99 ms against etcd's put p99", "patch_p99_ms", "etcd_put_p99_ms", "report", null),
      new Row("start to ready ms", "ready_ms", null, "< 2000 ms", s -> s.median() < 2000),
      new Row("start to ready ms against the same JVM without the class-data-sharing archive", "ready_ms",
          "ready_plain_ms", "report", null),
      new Row("RSS idle MiB (-Xmx128m -Xms32m)", "rss_idle_mib", null, "< 200 MiB", s -> s.max() < 200),
      new Row("RSS under load MiB (-Xmx128m -Xms32m)", "rss_load_mib", null, "< 200 MiB", s -> s.max() < 200),
      new Row("JMH event-bus load round trip ns/op, bursts of 100 from an event loop", "jmh_load_burst_ns",
          "jmh_bare_rr_burst_ns", "≤ 1.3× bare", s -> s.median() <= 1.3),
      new Row("JMH event-bus load round trip ns/op from a caller thread (mean)", "jmh_load_ns", "jmh_bare_rr_ns",
          "≤ 1.3× bare", s -> s.median() <= 1.3),
      new Row("JMH event-bus load round trip p99 ns from a caller thread", "jmh_load_p99_ns", "jmh_bare_rr_p99_ns",
          "report", null),
      new Row("JMH near-cache get(key) ops/s", "jmh_cache_get_ops", "jmh_hashmap_get_ops", "report", null),
      new Row("JMH transaction increments/s (64 concurrent)", "jmh_tx_ops", null, "report", null),
      new Row("JMH transaction conflicts per commit", "tx_conflicts_per_commit", null, "report", null),
      new Row("cluster (3 JVMs): PATCH commits/s through a non-owner (64 conn)", "cluster_patch_rps",
          "cluster_single_patch_rps", "report", null),
      new Row("cluster (3 JVMs): PATCH p99 ms through a non-owner", "cluster_patch_p99_ms",
          "cluster_single_patch_p99_ms", "report", null),
      new Row("cluster (3 JVMs): failover ms, SIGKILL of the owner to the next 200 on a survivor",
          "cluster_failover_ms", null, "report", null));

  /** JMH benchmark method → figure name, and the figure its 99th percentile goes to (sample mode). */
  private static final Map<String, String[]> JMH_FIGURES = Map.of(
      "EventBusLoadBenchmark.configClientLoad", new String[] {"jmh_load_ns", "jmh_load_p99_ns"},
      "EventBusLoadBenchmark.bareRequestReply", new String[] {"jmh_bare_rr_ns", "jmh_bare_rr_p99_ns"},
      "EventBusLoadBenchmark.configClientLoadBurst", new String[] {"jmh_load_burst_ns"},
      "EventBusLoadBenchmark.bareRequestReplyBurst", new String[] {"jmh_bare_rr_burst_ns"},
      "NearCacheGetBenchmark.configClientGet", new String[] {"jmh_cache_get_ops"},
      "NearCacheGetBenchmark.hashMapGet", new String[] {"jmh_hashmap_get_ops"},
      "TransactionBenchmark.increment", new String[] {"jmh_tx_ops"});

  private Report() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: Report FIGURES_TSV [JMH_JSON]");
      System.exit(2);
    }
    Map<String, List<Double>> figures = parseTsv(Files.readAllLines(Path.of(args[0])));
    if (args.length == 2 && Files.exists(Path.of(args[1])) && Files.size(Path.of(args[1])) > 0) {
      addJmh(figures, new JsonArray(Files.readString(Path.of(args[1]))));
    }
    System.out.print(table(figures));
  }

  public static Map<String, List<Double>> parseTsv(List<String> lines) {
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    for (String line : lines) {
      String[] parts = line.split("\t");
      if (parts.length == 2 && !parts[1].isBlank()) {
        figures.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
      }
    }
    return figures;
  }

  static void addJmh(Map<String, List<Double>> figures, JsonArray results) {
    for (Object o : results) {
      JsonObject result = (JsonObject) o;
      String bench = result.getString("benchmark");
      String method = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
      String[] names = JMH_FIGURES.get(method);
      if (names == null) {
        continue;
      }
      JsonObject metric = result.getJsonObject("primaryMetric");
      figures.put(names[0], iterationScores(metric));
      if (names.length > 1) {
        figures.put(names[1], List.of(metric.getJsonObject("scorePercentiles").getDouble("99.0")));
      }
    }
  }

  /** Per-iteration scores where JMH gives them (throughput, average), else the one overall score. */
  private static List<Double> iterationScores(JsonObject metric) {
    JsonArray raw = metric.getJsonArray("rawData");
    if (raw == null || raw.isEmpty()) {
      return List.of(metric.getDouble("score"));
    }
    List<Double> scores = new ArrayList<>();
    for (Object fork : raw) {
      for (Object v : (JsonArray) fork) {
        scores.add(((Number) v).doubleValue());
      }
    }
    return scores;
  }

  /**
   * Per-round ratios when the two were measured in the same rounds and have one value per round, else
   * the ratio of the medians. JMH's iterations never pair: it runs one benchmark after the other.
   */
  static List<Double> ratios(List<Double> values, List<Double> baseline, boolean paired) {
    List<Double> ratios = new ArrayList<>();
    if (paired && values.size() == baseline.size()) {
      for (int i = 0; i < values.size(); i++) {
        ratios.add(values.get(i) / baseline.get(i));
      }
    } else {
      ratios.add(Stats.of(values).median() / Stats.of(baseline).median());
    }
    return ratios;
  }

  static String table(Map<String, List<Double>> figures) {
    return table(ROWS, figures);
  }

  /** The table of these rows (another script's figures: {@code bench/library.sh}). */
  public static String table(List<Row> rows, Map<String, List<Double>> figures) {
    StringBuilder out = new StringBuilder();
    out.append("| figure | this system (min / median / max) | baseline, same run | ratio | target | met |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append(line(row, figures)).append('\n');
    }
    return out.toString();
  }

  private static boolean fromJmh(String figure) {
    return JMH_FIGURES.values().stream().anyMatch(names -> List.of(names).contains(figure));
  }

  private static String line(Row row, Map<String, List<Double>> figures) {
    List<Double> values = figures.get(row.figure());
    if (values == null) {
      return "| " + row.label() + " | not measured (see log) | — | — | " + row.target() + " | — |";
    }
    Stats own = Stats.of(values);
    String baseline = "—";
    String ratio = "—";
    Stats checked = own;
    if (row.baseline() != null) {
      List<Double> base = figures.get(row.baseline());
      baseline = base == null ? "not measured" : Stats.of(base).format();
      checked = base == null ? null : Stats.of(ratios(values, base, !fromJmh(row.figure())));
      ratio = base == null ? "—" : checked.format() + "×";
    }
    String met = row.check() == null || checked == null ? "—" : row.check().test(checked) ? "yes" : "**NO**";
    return "| " + row.label() + " | " + own.format() + " | " + baseline + " | " + ratio + " | " + row.target()
        + " | " + met + " |";
  }
}
