package io.spotipi.shared;

/** Settings of a {@link ConfigClient}; plain data with fluent setters. */
public class ConfigClientOptions {
  private String origin = "client";
  private long requestTimeoutMs = 5_000;
  private long commitTimeoutMs = 10_000;
  private long staleReadAfterMs = 1_000;
  private long failoverWaitMs = 10_000;
  private int transactionMaxAttempts = 1_000;
  private long backoffBaseMs = 1;
  // A conflict costs the owner one revision compare: the backoff only spreads a herd, and a long one
  // leaves the last clients of a race idle (figures: bench/results/README.md).
  private long backoffMaxMs = 5;

  public ConfigClientOptions() {
  }

  public ConfigClientOptions(String origin) {
    this.origin = origin;
  }

  /** Who commits: recorded in the history and in every change event. */
  public String getOrigin() {
    return origin;
  }

  public ConfigClientOptions setOrigin(String origin) {
    this.origin = origin;
    return this;
  }

  /** Timeout of loads and other reads from the owner. */
  public long getRequestTimeoutMs() {
    return requestTimeoutMs;
  }

  public ConfigClientOptions setRequestTimeoutMs(long requestTimeoutMs) {
    this.requestTimeoutMs = requestTimeoutMs;
    return this;
  }

  /** Timeout of a commit, which waits for fsync (and in a cluster for replication). */
  public long getCommitTimeoutMs() {
    return commitTimeoutMs;
  }

  public ConfigClientOptions setCommitTimeoutMs(long commitTimeoutMs) {
    this.commitTimeoutMs = commitTimeoutMs;
    return this;
  }

  /**
   * How long a read the near cache cannot answer waits for the owner before it is answered from the
   * last snapshot known, marked stale. While the owner is known to be unreachable, reads are answered
   * that way at once, and at most one request this often asks the owner again. Also how long a read
   * only the owner can answer (status, history, backups) waits for each answer.
   */
  public long getStaleReadAfterMs() {
    return staleReadAfterMs;
  }

  public ConfigClientOptions setStaleReadAfterMs(long staleReadAfterMs) {
    this.staleReadAfterMs = staleReadAfterMs;
    return this;
  }

  /**
   * How long, from when the owner was found unreachable, a failover may take: reads only an owner can
   * answer (status, history, backups) wait that long for a new one and fail at once after it. A single
   * node (Vert.x not clustered) has no other owner to wait for and ignores this.
   */
  public long getFailoverWaitMs() {
    return failoverWaitMs;
  }

  public ConfigClientOptions setFailoverWaitMs(long failoverWaitMs) {
    this.failoverWaitMs = failoverWaitMs;
    return this;
  }

  /**
   * How often a transaction tries before it gives up with CONFLICT. Generous on purpose: a loser
   * retries on the winner's document at once, so attempts are cheap, and with many writers on one
   * document a transaction may lose many races in a row.
   */
  public int getTransactionMaxAttempts() {
    return transactionMaxAttempts;
  }

  public ConfigClientOptions setTransactionMaxAttempts(int transactionMaxAttempts) {
    this.transactionMaxAttempts = transactionMaxAttempts;
    return this;
  }

  /** The first retry waits a random 0..base ms; each further one doubles the bound, up to max. */
  public long getBackoffBaseMs() {
    return backoffBaseMs;
  }

  public ConfigClientOptions setBackoffBaseMs(long backoffBaseMs) {
    this.backoffBaseMs = backoffBaseMs;
    return this;
  }

  public long getBackoffMaxMs() {
    return backoffMaxMs;
  }

  public ConfigClientOptions setBackoffMaxMs(long backoffMaxMs) {
    this.backoffMaxMs = backoffMaxMs;
    return this;
  }
}
