package io.spotipi.shared;

/**
 * Names of the config owner's structures in the cluster manager. The app tunes the replica map
 * (a synchronous backup, majority split-brain protection) by this name; only the owner uses it.
 */
public final class ClusterNames {
  private ClusterNames() {
  }

  /** The distributed map holding the replicated head and each node's announced file. */
  public static final String CONFIG_REPLICA_MAP = "spotipi.config.replica";
}
