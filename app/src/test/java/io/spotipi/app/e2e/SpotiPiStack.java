package io.spotipi.app.e2e;

import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.spotipi.api.ApiOptions;
import io.spotipi.api.ApiVerticle;
import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.PlayerVerticle;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeDevice;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.Recorded;
import io.spotipi.player.fake.Rig;
import io.spotipi.scheduler.SchedulerOptions;
import io.spotipi.scheduler.SchedulerVerticle;
import io.spotipi.shared.Addresses;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The four verticles of a node in one Vert.x with Prometheus metrics: the real config owner on a temp
 * dir, the real player pointed at a {@link FakeSpotify} (one speaker, {@link #KITCHEN}), the scheduler
 * playing on it, both on one {@link MutableClock}, and the HTTP API on a free loopback port; plus a web
 * client and a recorder of {@code spotipi.alarm.fired}. Connected, the player has the fake's client and
 * a refresh token in its environment, as from the original's env file; not connected, it has nothing.
 */
final class SpotiPiStack implements AutoCloseable {
  static final long TIMEOUT_S = 10;
  /** The scheduler looks at the (test) clock this often while waiting. */
  static final long RECHECK_MS = 10;
  /** The speaker alarms name, and its id. */
  static final String KITCHEN = "Kitchen";
  static final String KITCHEN_ID = "k1";
  static final String PLAY = "/v1/me/player/play";

  final Vertx vertx;
  final MutableClock clock;
  final FakeSpotify fake;
  final FakeDevice kitchen;
  final List<JsonObject> fired = new CopyOnWriteArrayList<>();
  final int port;
  private final WebClient web;
  private final String configDeployment;
  private volatile boolean dropChangeEvents;

  private SpotiPiStack(Path dataDir, Instant now, boolean connected) {
    clock = new MutableClock(now);
    vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
            .setEnabled(true)))
        .build();
    Handler<DeliveryContext<Object>> changeGate = ctx -> {
      if (!(dropChangeEvents && Addresses.CONFIG_CHANGED.equals(ctx.message().address()))) {
        ctx.next();
      }
    };
    vertx.eventBus().addOutboundInterceptor(changeGate);
    MessageConsumer<JsonObject> firedConsumer = vertx.eventBus().consumer(Addresses.ALARM_FIRED,
        msg -> fired.add(msg.body()));
    Await.result(firedConsumer.completion());
    configDeployment = Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions().setConfig(
        new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test").toJson())));
    fake = Await.result(FakeSpotify.start(vertx));
    kitchen = fake.player().device(KITCHEN_ID, KITCHEN);
    Map<String, String> environment = connected ? Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID,
        "SPOTIFY_CLIENT_SECRET", FakeAccounts.CLIENT_SECRET,
        "SPOTIFY_REFRESH_TOKEN", fake.accounts().issueRefreshToken()) : Map.of();
    // Its own clock reading the same time: the scheduler's reads stay countable (awaitClockReads). An
    // env file that does not exist: never the one of whoever runs the tests.
    Await.result(vertx.deployVerticle(new PlayerVerticle(environment, clock.sameTime()), new DeploymentOptions()
        .setConfig(Rig.fastOptions(fake.url()).setEnvFile(dataDir.resolve("absent.env").toString()).toJson())));
    Await.result(vertx.deployVerticle(new SchedulerVerticle(clock), new DeploymentOptions().setConfig(
        new SchedulerOptions().setRecheckMaxMs(RECHECK_MS).setNodeId("e2e").toJson())));
    ApiVerticle api = new ApiVerticle();
    Await.result(vertx.deployVerticle(api, new DeploymentOptions().setConfig(
        new ApiOptions().setHost("127.0.0.1").setPort(0).setRateLimit("off").toJson())));
    port = api.actualPort();
    web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /** A node whose player is connected to the fake Spotify. */
  static SpotiPiStack start(Path dataDir, Instant now) {
    return new SpotiPiStack(dataDir, now, true);
  }

  /** A node whose player has no Spotify credentials at all. */
  static SpotiPiStack withoutSpotify(Path dataDir, Instant now) {
    return new SpotiPiStack(dataDir, now, false);
  }

  /** The play requests the fake received so far. */
  List<Recorded> plays() {
    return fake.requests("PUT", PLAY);
  }

  /** Stops the config owner: the node has no owner from now on, as after its death with nobody to take over. */
  void stopConfigOwner() {
    Await.result(vertx.undeploy(configDeployment));
  }

  /** While set, no {@code spotipi.config.changed} reaches anyone: every near cache stays as it is. */
  void dropChangeEvents(boolean drop) {
    dropChangeEvents = drop;
  }

  HttpResponse<Buffer> get(String path) {
    return Await.result(request(HttpMethod.GET, path).send());
  }

  HttpResponse<Buffer> post(String path) {
    return Await.result(request(HttpMethod.POST, path).send());
  }

  HttpResponse<Buffer> putJson(String path, JsonObject body) {
    return Await.result(putJsonAsync(path, body));
  }

  Future<HttpResponse<Buffer>> putJsonAsync(String path, JsonObject body) {
    return request(HttpMethod.PUT, path).putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer());
  }

  /** An {@code application/x-www-form-urlencoded} post, as the original front end sends it. */
  HttpResponse<Buffer> postForm(String path, MultiMap form) {
    return Await.result(request(HttpMethod.POST, path).sendForm(form));
  }

  /** The alarm status, as {@code GET /api/alarm} answers it. */
  JsonObject alarmStatus() {
    HttpResponse<Buffer> r = get("/api/alarm");
    if (r.statusCode() != 200) {
      throw new AssertionError("GET /api/alarm answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  /** One config key's raw JSON value, as {@code GET /api/config/{key}} answers it. */
  Object configValue(String key) {
    HttpResponse<Buffer> r = get("/api/config/" + key);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET /api/config/" + key + " answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return Json.decodeValue(r.body());
  }

  /** Waits until the scheduler has read the clock {@code n} more times: it has seen what was set. */
  void awaitClockReads(int n) {
    long target = clock.reads() + n;
    awaitTrue("the scheduler to read the clock " + n + " times", () -> clock.reads() >= target);
  }

  /** Polls (bounded by {@link #TIMEOUT_S}) until the condition holds. */
  static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + TIMEOUT_S + " s for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path) {
    return web.request(method, path).timeout(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }

}
