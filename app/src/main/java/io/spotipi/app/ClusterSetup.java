package io.spotipi.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.config.TcpIpConfig;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import io.spotipi.shared.ClusterNames;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hazelcast cluster manager for {@code --cluster}: Vert.x's default cluster config, then TCP-IP
 * join with the given members (no multicast, no auto-detection), bound to the cluster host only (by
 * default Hazelcast binds every interface), no phone-home, and failure detection tuned so that a dead
 * or hung owner is dropped within seconds (defaults: a minute) and a standby can take over.
 */
final class ClusterSetup {
  /** Exit status after a split-brain merge (EX_TEMPFAIL): restart me. */
  static final int EXIT_REJOIN = 75;
  private static final String MAJORITY = "spotipi-majority";
  private static final Logger log = LoggerFactory.getLogger(ClusterSetup.class);

  private ClusterSetup() {
  }

  static HazelcastClusterManager clusterManager(AppOptions options) {
    Config config = ConfigUtil.loadConfig();
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.clusterPort()).setPortAutoIncrement(false);
    network.setPublicAddress(options.clusterHost() + ":" + options.clusterPort());
    network.getInterfaces().setEnabled(true).addInterface(options.clusterHost());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true);
    options.clusterMembers().forEach(tcp::addMember);
    requireMajority(config, options.clusterMembers().size());
    config.addListenerConfig(new ListenerConfig((LifecycleListener) ClusterSetup::onLifecycle));
    return new HazelcastClusterManager(config);
  }

  /**
   * The replicated head answers only on a side of the cluster that holds a majority of the configured
   * members. An owner cut off with a minority (a paused JVM that wakes up, a network split) then cannot
   * replace the head, so it cannot acknowledge a commit, whatever its own view of the lock. The price:
   * a cluster of two stops accepting commits when one node is gone; run three nodes or more.
   */
  private static void requireMajority(Config config, int members) {
    int majority = members / 2 + 1;
    config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(MAJORITY, true, majority));
    config.getMapConfig(ClusterNames.CONFIG_REPLICA_MAP).setBackupCount(1).setSplitBrainProtectionName(MAJORITY);
  }

  /**
   * After a split heals, Hazelcast merges this member back under a new identity, but Vert.x loses the
   * event-bus registrations it had (vertx-hazelcast #90, #109): the node would keep serving stale
   * reads. Fencing already kept the data safe; leaving with {@value #EXIT_REJOIN} lets the service
   * manager (systemd {@code Restart=on-failure}) start it again as a clean standby.
   */
  private static void onLifecycle(LifecycleEvent event) {
    if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
      log.error("cluster split healed and this node was merged back: exiting ({}) to rejoin cleanly", EXIT_REJOIN);
      // halt, not exit: closing Vert.x on a half-merged Hazelcast can hang, and nothing here needs a
      // clean close (this node was fenced: it owns nothing, and every file write is atomic)
      Runtime.getRuntime().halt(EXIT_REJOIN);
    }
  }

  /** The event bus between nodes listens on the cluster host too (a free port). */
  static EventBusOptions eventBusOptions(AppOptions options) {
    return new EventBusOptions().setHost(options.clusterHost()).setClusterPublicHost(options.clusterHost());
  }
}
