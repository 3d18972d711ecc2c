package io.spotipi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void statsTakeTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertEquals(new Stats(1, 2, 9, 3), Stats.of(List.of(9.0, 1.0, 2.0)));
    assertEquals(new Stats(1, 2.5, 9, 4), Stats.of(List.of(9.0, 1.0, 2.0, 3.0)));
    assertEquals("1.00 / 2.50 / 9.00", Stats.of(List.of(9.0, 1.0, 2.0, 3.0)).format());
    assertEquals("12345", Stats.of(List.of(12345.4)).format());
  }

  @Test
  void ratiosArePerRoundWhenMeasuredInTheSameRoundsElseOfTheMedians() {
    assertEquals(List.of(0.5, 2.0), Report.ratios(List.of(1.0, 4.0), List.of(2.0, 2.0), true));
    assertEquals(List.of(2.0), Report.ratios(List.of(4.0, 4.0, 4.0), List.of(2.0), true));
    assertEquals(List.of(1.5), Report.ratios(List.of(1.0, 5.0), List.of(2.0, 2.0), false));
  }

  @Test
  void rowsCompareTheMedianRatioWithTheTargetAndSayWhatIsMissing() {
    Map<String, List<Double>> figures = Report.parseTsv(List.of(
        "get_rps\t95", "bare_get_rps\t100", "get_rps\t80", "bare_get_rps\t100", "get_rps\t99", "bare_get_rps\t100",
        "patch_rps\t1000", "disk_probe_ops_per_sec\t500", "patch_p99_ms\t12", "patch_mem_p99_ms\t8", "etcd_put_rps\t400", "cas_lost_updates\t0", "cas_lost_updates\t1", "ready_ms\t",
        "cluster_patch_p99_ms\t9", "cluster_single_patch_p99_ms\t3"));
    String table = Report.table(figures);
    assertTrue(table.contains("| GET /api/config req/s (64 conn) | 80.00 / 95.00 / 99.00 | 100 / 100 / 100 | "
        + "0.800 / 0.950 / 0.990× | ≥ 0.9× bare server | yes |"), table);
    assertTrue(table.contains("| PATCH durable commits/s (64 conn) | 1000 | 500 | 2.00× | ≥ 8× disk probe | **NO** |"),
        table);
    assertTrue(table.contains("| PATCH p99 ms | 12.00 | — | — | ≤ 10 ms (quiet machine) | **NO** |"), table);
    assertTrue(table.contains("| PATCH p99 ms against the same with the data dir in memory (tmpfs: no disk cost) | "
        + "12.00 | 8.00 | 1.50× | report | — |"), table);
    assertTrue(table.contains("| PATCH commits/s (64 conn) against the same with the data dir in memory (tmpfs: no "
        + "disk cost) | 1000 | not measured | — | report | — |"), table);
    assertTrue(table.contains("| CAS lost updates | 0.000 / 0.500 / 1.00 | — | — | 0 | **NO** |"), table);
    assertTrue(table.contains("| PATCH commits/s (64 conn) against etcd 3.4 durable puts (HTTP/JSON) | 1000 | 400 | 2.50× "
        + "| report (issue: far ahead) | — |"), table);
    assertTrue(table.contains("| start to ready ms | not measured (see log) |"), table);
    assertTrue(table.contains("| cluster (3 JVMs): PATCH p99 ms through a non-owner | 9.00 | 3.00 | 3.00× | report | — |"),
        table);
    assertTrue(table.contains("| cluster (3 JVMs): failover ms, SIGKILL of the owner to the next 200 on a survivor "
        + "| not measured (see log) |"), table);
  }

  @Test
  void jmhResultsBecomeFiguresWithIterationsAsRoundsAndThePercentile() {
    JsonArray jmh = new JsonArray()
        .add(new JsonObject().put("benchmark", "io.spotipi.bench.jmh.NearCacheGetBenchmark.configClientGet")
            .put("primaryMetric", new JsonObject().put("score", 2.0).put("rawData", new JsonArray().add(
                new JsonArray().add(1.0).add(2.0).add(3.0)))))
        .add(new JsonObject().put("benchmark", "io.spotipi.bench.jmh.EventBusLoadBenchmark.configClientLoad")
            .put("primaryMetric", new JsonObject().put("score", 500.0)
                .put("scorePercentiles", new JsonObject().put("99.0", 4000.0))));
    Map<String, List<Double>> figures = Report.parseTsv(List.of());
    Report.addJmh(figures, jmh);
    assertEquals(List.of(1.0, 2.0, 3.0), figures.get("jmh_cache_get_ops"));
    assertEquals(List.of(500.0), figures.get("jmh_load_ns"));
    assertEquals(List.of(4000.0), figures.get("jmh_load_p99_ns"));
  }
}
