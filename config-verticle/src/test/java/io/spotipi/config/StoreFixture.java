package io.spotipi.config;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.StateChanged;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real ConfigVerticle on a temp dir, with a client living on its own context. */
final class StoreFixture {
  final Vertx vertx;
  final Path dir;
  final String deploymentId;
  final Context context;
  final ConfigClient client;
  final StateClient state;
  final List<ConfigChanged> events = new CopyOnWriteArrayList<>();
  final List<StateChanged> stateEvents = new CopyOnWriteArrayList<>();

  private StoreFixture(Vertx vertx, Path dir, String deploymentId) {
    this.vertx = vertx;
    this.dir = dir;
    this.deploymentId = deploymentId;
    this.context = vertx.getOrCreateContext();
    this.client = Await.on(context, () -> {
      ConfigClient c = ConfigClient.create(vertx, new ConfigClientOptions("test"));
      c.onChange(events::add);
      return c.ready().map(c);
    });
    this.state = Await.on(context, () -> {
      StateClient c = StateClient.create(vertx, new ConfigClientOptions("test"));
      c.onChange(stateEvents::add);
      return c.ready().map(c);
    });
  }

  static StoreFixture start(Vertx vertx, Path dir) {
    return start(vertx, options(dir));
  }

  static ConfigVerticleOptions options(Path dir) {
    return new ConfigVerticleOptions().setDataDir(dir.toString()).setEnv("test");
  }

  static StoreFixture start(Vertx vertx, ConfigVerticleOptions options) {
    return start(vertx, options, Clock.systemUTC());
  }

  static StoreFixture start(Vertx vertx, ConfigVerticleOptions options, Clock clock) {
    String id = Await.result(vertx.deployVerticle(new ConfigVerticle(clock),
        new DeploymentOptions().setConfig(options.toJson())));
    return new StoreFixture(vertx, Path.of(options.getDataDir()), id);
  }

  /** Runs a client call on the client's context and waits for it. */
  <T> T call(Function<ConfigClient, Future<T>> work) {
    return Await.on(context, () -> work.apply(client));
  }

  /** Runs a state client call on the clients' context and waits for it. */
  <T> T state(Function<StateClient, Future<T>> work) {
    return Await.on(context, () -> work.apply(state));
  }

  <T> Throwable stateFailure(Function<StateClient, Future<T>> work) {
    return Await.failure(Await.call(context, () -> work.apply(state)));
  }

  ConfigSnapshot load() {
    return call(ConfigClient::load);
  }

  ConfigSnapshot patch(JsonObject patch) {
    return call(c -> c.patch(patch));
  }

  Throwable patchFailure(JsonObject patch) {
    return Await.failure(Await.call(context, () -> client.patch(patch)));
  }

  void undeploy() {
    Await.result(vertx.undeploy(deploymentId));
  }
}
