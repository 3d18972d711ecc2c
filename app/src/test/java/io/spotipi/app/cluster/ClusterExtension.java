package io.spotipi.app.cluster;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One cluster of real nodes shared by the tests of a class ({@code @RegisterExtension static}): started
 * before the first test, serving before it runs, and killed after the last.
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback {
  private final int size;
  private final String verticles;
  private final Setup beforeStart;
  private List<ClusterNode> nodes;

  ClusterExtension(int size, String verticles, Setup beforeStart) {
    this.size = size;
    this.verticles = verticles;
    this.beforeStart = beforeStart;
  }

  ClusterExtension(int size, String verticles) {
    this(size, verticles, nodes -> { });
  }

  /** Per-node options added before the first launch. */
  interface Setup {
    void accept(List<ClusterNode> nodes) throws Exception;
  }

  List<ClusterNode> nodes() {
    return nodes;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    nodes = ClusterNode.cluster(ClusterNode.runDir(context.getRequiredTestClass()), size, verticles, Map.of());
    beforeStart.accept(nodes);
    ClusterNode.startAll(nodes);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (nodes != null) {
      ClusterNode.destroyAll(nodes);
    }
  }
}
