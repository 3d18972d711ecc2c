package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default (no {@code --cluster}, all verticles) is one embedded node: no Hazelcast thread and no
 * listening port but the HTTP one. {@link ThreeNodeClusterTest} checks that the same probe does see
 * Hazelcast's threads and ports on a cluster node.
 */
class SingleNodeDefaultTest {
  @Test
  void runsWithoutClusterMachinery() throws Exception {
    assumeTrue(ProcessProbe.available(), "needs Linux /proc");
    ClusterNode node = new ClusterNode("single", ClusterNode.runDir(SingleNodeDefaultTest.class), List.of(), Map.of());
    try {
      node.start();
      node.awaitServing();
      List<String> hazelcast = ProcessProbe.threadNames(node.pid()).stream().filter(t -> t.startsWith("hz.")).toList();
      assertEquals(List.of(), hazelcast);
      assertEquals(Set.of(node.httpPort), ProcessProbe.listeningPorts(node.pid()));
    } finally {
      node.destroy();
    }
  }
}
