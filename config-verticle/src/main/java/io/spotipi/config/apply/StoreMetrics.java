package io.spotipi.config.apply;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.spotipi.shared.MetricNames;
import io.spotipi.shared.message.StoreStatus;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The config owner's meters (Micrometer), tagged with the node, and the figures the status reports. */
public final class StoreMetrics {
  private final Counter commits;
  private final Counter conflicts;
  private final Counter rejections;
  private final Counter storageFailures;
  private final Timer latency;
  private final DistributionSummary batchSize;

  public StoreMetrics(MeterRegistry registry, String node, LongSupplier revision) {
    commits = Counter.builder(MetricNames.COMMITS).tag("node", node)
        .description("Durable commits").register(registry);
    conflicts = Counter.builder(MetricNames.CONFLICTS).tag("node", node)
        .description("Compare-and-set commits refused because the revision had moved").register(registry);
    rejections = Counter.builder(MetricNames.REJECTIONS).tag("node", node)
        .description("Commits refused as invalid or malformed").register(registry);
    storageFailures = Counter.builder(MetricNames.STORAGE_FAILURES).tag("node", node)
        .description("Commits failed because the disk write failed").register(registry);
    latency = Timer.builder(MetricNames.COMMIT_LATENCY).tag("node", node)
        .description("From a commit's arrival at the owner to its durable acknowledgement")
        .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
    batchSize = DistributionSummary.builder(MetricNames.BATCH_SIZE).tag("node", node)
        .description("Commits made durable by one write (group commit)").register(registry);
    Gauge.builder(MetricNames.REVISION, revision::getAsLong).tag("node", node)
        .description("The latest durable revision").strongReference(true).register(registry);
  }

  public void committed(long startNanos) {
    commits.increment();
    latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  public void conflict() {
    conflicts.increment();
  }

  public void rejected() {
    rejections.increment();
  }

  public void storageFailure(int commitsLost) {
    storageFailures.increment(commitsLost);
  }

  public void batch(int size) {
    batchSize.record(size);
  }

  public long commitsTotal() {
    return (long) commits.count();
  }

  public long conflictsTotal() {
    return (long) conflicts.count();
  }

  public long rejectedTotal() {
    return (long) rejections.count();
  }

  public long storageFailuresTotal() {
    return (long) storageFailures.count();
  }

  public double batchSizeAvg() {
    return batchSize.mean();
  }

  public StoreStatus.Latency latencyMs() {
    double p50 = 0;
    double p99 = 0;
    for (ValueAtPercentile v : latency.takeSnapshot().percentileValues()) {
      if (v.percentile() == 0.5) {
        p50 = v.value(TimeUnit.MILLISECONDS);
      } else if (v.percentile() == 0.99) {
        p99 = v.value(TimeUnit.MILLISECONDS);
      }
    }
    return new StoreStatus.Latency(p50, p99);
  }
}
