package io.spotipi.scheduler;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the {@link SchedulerVerticle}; plain data, passed as the verticle's JSON config
 * ({@code catchupGraceSeconds}, {@code recheckMaxMs}, {@code nodeId}, {@code prepareAheadMs},
 * {@code playTimeoutMs}).
 */
public class SchedulerOptions {
  public static final long DEFAULT_CATCHUP_GRACE_SECONDS = 600;
  public static final long DEFAULT_RECHECK_MAX_MS = 30_000;
  public static final String DEFAULT_NODE_ID = "local";
  public static final long DEFAULT_PREPARE_AHEAD_MS = 120_000;
  /** Longer than the player's own deadline for an alarm (90 s): its failed outcome comes first. */
  public static final long DEFAULT_PLAY_TIMEOUT_MS = 100_000;

  private static final String CATCHUP_GRACE_SECONDS = "catchupGraceSeconds";
  private static final String RECHECK_MAX_MS = "recheckMaxMs";
  private static final String NODE_ID = "nodeId";
  private static final String PREPARE_AHEAD_MS = "prepareAheadMs";
  private static final String PLAY_TIMEOUT_MS = "playTimeoutMs";

  private long catchupGraceSeconds = DEFAULT_CATCHUP_GRACE_SECONDS;
  private long recheckMaxMs = DEFAULT_RECHECK_MAX_MS;
  private String nodeId = DEFAULT_NODE_ID;
  private long prepareAheadMs = DEFAULT_PREPARE_AHEAD_MS;
  private long playTimeoutMs = DEFAULT_PLAY_TIMEOUT_MS;

  public SchedulerOptions() {
  }

  public SchedulerOptions(JsonObject json) {
    catchupGraceSeconds = json.getLong(CATCHUP_GRACE_SECONDS, catchupGraceSeconds);
    recheckMaxMs = json.getLong(RECHECK_MAX_MS, recheckMaxMs);
    nodeId = json.getString(NODE_ID, nodeId);
    prepareAheadMs = json.getLong(PREPARE_AHEAD_MS, prepareAheadMs);
    playTimeoutMs = json.getLong(PLAY_TIMEOUT_MS, playTimeoutMs);
  }

  public JsonObject toJson() {
    return new JsonObject().put(CATCHUP_GRACE_SECONDS, catchupGraceSeconds).put(RECHECK_MAX_MS, recheckMaxMs)
        .put(NODE_ID, nodeId).put(PREPARE_AHEAD_MS, prepareAheadMs).put(PLAY_TIMEOUT_MS, playTimeoutMs);
  }

  /** How late an occurrence may still fire (after downtime, suspend or a clock step); older ones are skipped. */
  public long getCatchupGraceSeconds() {
    return catchupGraceSeconds;
  }

  public SchedulerOptions setCatchupGraceSeconds(long catchupGraceSeconds) {
    this.catchupGraceSeconds = catchupGraceSeconds;
    return this;
  }

  /** The longest timer between two looks at the clock while waiting for an occurrence. */
  public long getRecheckMaxMs() {
    return recheckMaxMs;
  }

  public SchedulerOptions setRecheckMaxMs(long recheckMaxMs) {
    this.recheckMaxMs = recheckMaxMs;
    return this;
  }

  /** Names this scheduler in log lines (several run in a cluster). */
  public String getNodeId() {
    return nodeId;
  }

  public SchedulerOptions setNodeId(String nodeId) {
    this.nodeId = nodeId;
    return this;
  }

  /** How long before an occurrence the player is asked to get ready for it (token, device). */
  public long getPrepareAheadMs() {
    return prepareAheadMs;
  }

  public SchedulerOptions setPrepareAheadMs(long prepareAheadMs) {
    this.prepareAheadMs = prepareAheadMs;
    return this;
  }

  /** How long the scheduler waits for the player's outcome before it records the occurrence as failed. */
  public long getPlayTimeoutMs() {
    return playTimeoutMs;
  }

  public SchedulerOptions setPlayTimeoutMs(long playTimeoutMs) {
    this.playTimeoutMs = playTimeoutMs;
    return this;
  }
}
