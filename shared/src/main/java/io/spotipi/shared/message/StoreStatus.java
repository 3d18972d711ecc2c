package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Reply of {@code spotipi.config.status}: what the owner knows about itself and its store. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoreStatus(
    long revision,
    String owner,
    String env,
    String dataDir,
    boolean degraded,
    String degradedReason,
    String recoveredFrom,
    long commitsTotal,
    long conflictsTotal,
    long rejectedTotal,
    long storageFailuresTotal,
    Latency commitLatencyMs,
    double batchSizeAvg,
    int historyCount) {

  /** Commit latency percentiles in milliseconds (from submission to durable acknowledgement). */
  public record Latency(double p50, double p99) {
  }
}
