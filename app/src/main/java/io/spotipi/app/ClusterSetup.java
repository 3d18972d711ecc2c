package io.spotipi.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Hazelcast cluster manager for {@code --cluster}: Vert.x's default cluster config, then TCP-IP
 * join with the given members (no multicast, no auto-detection), bound to the cluster host only (by
 * default Hazelcast binds every interface), no phone-home, and failure detection tuned so that a dead
 * or hung owner is dropped within seconds (defaults: a minute) and a standby can take over.
 */
final class ClusterSetup {
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
    return new HazelcastClusterManager(config);
  }

  /** The event bus between nodes listens on the cluster host too (a free port). */
  static EventBusOptions eventBusOptions(AppOptions options) {
    return new EventBusOptions().setHost(options.clusterHost()).setClusterPublicHost(options.clusterHost());
  }
}
