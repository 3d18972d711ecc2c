package io.spotipi.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Settings of the {@link ConfigVerticle}; plain data, passed as the verticle's JSON config
 * ({@code dataDir}, {@code env}, {@code backupKeep}, {@code nodeId}, {@code clusterSettleMs}).
 */
public class ConfigVerticleOptions {
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final String DEFAULT_ENV = "development";
  public static final int DEFAULT_BACKUP_KEEP = 10;

  private String dataDir = DEFAULT_DATA_DIR;
  private String env = DEFAULT_ENV;
  private int backupKeep = DEFAULT_BACKUP_KEEP;
  private String nodeId = "local";
  private long clusterSettleMs = 3_000;

  public ConfigVerticleOptions() {
  }

  public ConfigVerticleOptions(JsonObject json) {
    dataDir = json.getString("dataDir", dataDir);
    env = json.getString("env", env);
    backupKeep = json.getInteger("backupKeep", backupKeep);
    nodeId = json.getString("nodeId", nodeId);
    clusterSettleMs = json.getLong("clusterSettleMs", clusterSettleMs);
  }

  public JsonObject toJson() {
    return new JsonObject().put("dataDir", dataDir).put("env", env).put("backupKeep", backupKeep)
        .put("nodeId", nodeId).put("clusterSettleMs", clusterSettleMs);
  }

  /** The folder holding {@code default_config.json}, {@code <env>.json} and {@code backups/}. */
  public String getDataDir() {
    return dataDir;
  }

  public ConfigVerticleOptions setDataDir(String dataDir) {
    this.dataDir = dataDir;
    return this;
  }

  public Path dataPath() {
    return Path.of(dataDir);
  }

  /** Names the user's file: {@code <env>.json}. */
  public String getEnv() {
    return env;
  }

  public ConfigVerticleOptions setEnv(String env) {
    this.env = env;
    return this;
  }

  /** How many backups to keep (the newest). */
  public int getBackupKeep() {
    return backupKeep;
  }

  public ConfigVerticleOptions setBackupKeep(int backupKeep) {
    this.backupKeep = backupKeep;
    return this;
  }

  /**
   * In a cluster that has no replicated head (first start, or every node restarted), how long a new
   * owner waits for the other nodes to announce their files before it starts from the newest.
   */
  public long getClusterSettleMs() {
    return clusterSettleMs;
  }

  public ConfigVerticleOptions setClusterSettleMs(long clusterSettleMs) {
    this.clusterSettleMs = clusterSettleMs;
    return this;
  }

  /** Reported as the owner in the status. */
  public String getNodeId() {
    return nodeId;
  }

  public ConfigVerticleOptions setNodeId(String nodeId) {
    this.nodeId = nodeId;
    return this;
  }
}
