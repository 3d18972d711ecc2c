package io.spotipi.shared;

/** Micrometer meter names, declared once (Prometheus shows them with dots as underscores). */
public final class MetricNames {
  private MetricNames() {
  }

  public static final String COMMITS = "spotipi.config.commits";
  public static final String CONFLICTS = "spotipi.config.conflicts";
  public static final String REJECTIONS = "spotipi.config.rejections";
  public static final String STORAGE_FAILURES = "spotipi.config.storage.failures";
  public static final String COMMIT_LATENCY = "spotipi.config.commit.latency";
  public static final String BATCH_SIZE = "spotipi.config.batch.size";
  public static final String REVISION = "spotipi.config.revision";
  public static final String CACHE_HITS = "spotipi.config.cache.hits";
  public static final String CACHE_MISSES = "spotipi.config.cache.misses";
  public static final String ALARMS_FIRED = "spotipi.alarm.fired";
}
