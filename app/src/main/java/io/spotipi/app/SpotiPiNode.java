package io.spotipi.app;

import io.spotipi.api.ApiVerticle;
import io.spotipi.config.ConfigVerticle;
import io.spotipi.player.PlayerVerticle;
import io.spotipi.scheduler.SchedulerVerticle;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One running SpotiPi process: a Vert.x instance with Micrometer metrics (Prometheus registry, JVM
 * metrics; see {@link SpotiPiMetricsFactory}) and the chosen verticles, each deployed with its JSON
 * config. No business logic here.
 */
public final class SpotiPiNode {
  /** How each verticle is made; its settings travel as the deployment's JSON config. */
  private static final Map<Verticle, Supplier<Deployable>> FACTORIES = Map.of(
      Verticle.CONFIG, ConfigVerticle::new,
      Verticle.PLAYER, PlayerVerticle::new,
      Verticle.API, ApiVerticle::new,
      Verticle.SCHEDULER, SchedulerVerticle::new);

  private final Vertx vertx;
  private final VertxOptions vertxOptions;
  private final NetworkTransport transport;

  private SpotiPiNode(Vertx vertx, VertxOptions vertxOptions, NetworkTransport transport) {
    this.vertx = vertx;
    this.vertxOptions = vertxOptions;
    this.transport = transport;
  }

  /**
   * Builds Vert.x: a single embedded node by default (no cluster machinery at all), or a member of a
   * Hazelcast cluster with {@code --cluster}. Nothing is deployed yet.
   */
  public static Future<SpotiPiNode> create(AppOptions options) {
    VertxOptions vertxOptions = vertxOptions().setEventLoopPoolSize(options.eventLoops());
    NetworkTransport transport = NetworkTransport.best();
    VertxBuilder builder = Vertx.builder().with(vertxOptions).withMetrics(new SpotiPiMetricsFactory())
        .withTransport(transport.transport());
    if (!options.cluster()) {
      return Future.succeededFuture(new SpotiPiNode(builder.build(), vertxOptions, transport));
    }
    vertxOptions.setEventBusOptions(ClusterSetup.eventBusOptions(options));
    return builder.withClusterManager(ClusterSetup.clusterManager(options)).buildClustered()
        .map(vertx -> new SpotiPiNode(vertx, vertxOptions, transport));
  }

  /**
   * Deploys the chosen verticles one after the other, the config owner first so the others find it,
   * then starts the TCP event-bus bridge when {@code --bridge-port} asks for it.
   * Fails with the first verticle that does not start; closing the node is then up to the caller.
   */
  public Future<Void> deploy(AppOptions options, String nodeId) {
    Future<Void> deployed = Future.succeededFuture();
    for (Verticle verticle : options.verticles()) {
      JsonObject config = VerticleConfigs.of(verticle, options, nodeId, vertxOptions);
      deployed = deployed.compose(v -> deploy(verticle, config));
    }
    if (options.bridgePort() == null) {
      return deployed;
    }
    return deployed.compose(v -> BridgeSetup.start(vertx, options.host(), options.bridgePort(), options.apiToken(),
        options.verticles().contains(Verticle.SCHEDULER))).mapEmpty();
  }

  /** The Vert.x instance, for whoever needs to wire more into this node (a cluster, a bridge, tests). */
  public Vertx vertx() {
    return vertx;
  }

  /** The network transport this node's Vert.x runs on ({@link NetworkTransport#description()}). */
  public String transport() {
    return transport.description();
  }

  /** Undeploys every verticle (in-flight commits finish and are durable) and closes Vert.x. */
  public Future<Void> close() {
    return vertx.close();
  }

  private Future<Void> deploy(Verticle verticle, JsonObject config) {
    return vertx.deployVerticle(FACTORIES.get(verticle), new DeploymentOptions().setConfig(config))
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(new DeployException(verticle, failure)));
  }

  static VertxOptions vertxOptions() {
    return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
  }

  /** Names the verticle that failed to start; its message is the whole one-line report. */
  static final class DeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeployException(Verticle verticle, Throwable cause) {
      super("verticle " + verticle.id() + " failed to start: " + cause, cause);
    }
  }
}
