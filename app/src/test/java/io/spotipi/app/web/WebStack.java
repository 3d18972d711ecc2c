package io.spotipi.app.web;

import io.spotipi.api.ApiVerticle;
import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.PlayerStack;
import io.spotipi.scheduler.SchedulerOptions;
import io.spotipi.scheduler.SchedulerVerticle;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What the browser talks to: the real config owner on a temp dir, the scheduler and the player on one
 * test clock, the player against the fake Spotify (not connected until a test connects it, through the
 * API as a user would), Spotify's image hosts for the covers, and the API on a loopback port that stays
 * the same when the API is restarted, so the page's event stream can reconnect to it. Plus a client for
 * the test's own requests, which stand for "someone else, elsewhere".
 */
final class WebStack implements AutoCloseable {
  static final long TIMEOUT_S = 10;
  /** The time the stack starts at: 06:00 in Europe/Vienna (the default alarm zone), a Monday. */
  static final Instant SCHEDULER_NOW = Instant.parse("2026-06-01T04:00:00Z");

  final Vertx vertx = Vertx.vertx();
  final MutableClock clock;
  /** The fake Spotify, with a kitchen and a bedroom speaker, and the player pointed at it. */
  final PlayerStack player;
  final FakeSpotify spotify;
  final SpotifyImages images;
  private final String apiToken;
  private final WebClient web;
  private String apiDeployment;
  private int port;

  private WebStack(Path dataDir, String apiToken) {
    this.apiToken = apiToken;
    Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions().setConfig(
        new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("browser").toJson())));
    player = PlayerStack.start(vertx, null);
    spotify = player.fake;
    clock = player.clock;
    clock.set(SCHEDULER_NOW);
    Await.result(vertx.deployVerticle(new SchedulerVerticle(clock),
        new DeploymentOptions().setConfig(new SchedulerOptions().setNodeId("web").toJson())));
    player.deployPlayer();
    images = SpotifyImages.start(vertx);
    startApi();
    web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /** @param apiToken the token mutations need, or {@code null} for the LAN-trust default */
  static WebStack start(Path dataDir, String apiToken) {
    return new WebStack(dataDir, apiToken);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Starts the API verticle: on a free port the first time, on the same port after {@link #stopApi}. */
  void startApi() {
    ApiVerticle api = new ApiVerticle();
    JsonObject options = new JsonObject().put("host", "127.0.0.1").put("port", port).put("rateLimit", "off");
    if (apiToken != null) {
      options.put("apiToken", apiToken);
    }
    apiDeployment = Await.result(vertx.deployVerticle(api, new DeploymentOptions().setConfig(options)));
    port = api.actualPort();
  }

  /** Undeploys the API verticle: its server closes, and with it every event stream. */
  void stopApi() {
    Await.result(vertx.undeploy(apiDeployment));
  }

  HttpResponse<Buffer> get(String path) {
    return Await.result(request(HttpMethod.GET, path).send());
  }

  /** The effective config, as the API answers it. */
  JsonObject config() {
    HttpResponse<Buffer> r = get("/api/config");
    if (r.statusCode() != 200) {
      throw new AssertionError("GET /api/config answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  /** A change with the token (when the stack has one); fails the test unless it is a 2xx. */
  HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> req = request(method, path);
    if (apiToken != null) {
      req.putHeader("Authorization", "Bearer " + apiToken);
    }
    HttpResponse<Buffer> r = Await.result(body == null ? req.send()
        : req.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()));
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r;
  }

  /**
   * Connects Spotify as someone moving over from the original SpotiPi does: the app's keys and a
   * refresh token the fake issued, through {@code PUT /api/spotify/credentials}.
   */
  void connectSpotify() {
    send(HttpMethod.PUT, "/api/spotify/credentials", new JsonObject().put("client_id", FakeAccounts.CLIENT_ID)
        .put("client_secret", FakeAccounts.CLIENT_SECRET).put("refresh_token", spotify.accounts().issueRefreshToken()));
  }

  void disconnectSpotify() {
    send(HttpMethod.DELETE, "/api/spotify/credentials", null);
  }

  /** {@code GET /api/spotify/status}. */
  JsonObject spotifyStatus() {
    return get("/api/spotify/status").bodyAsJsonObject();
  }

  /** Sets alarm fields as another client would (PUT /api/alarm, no If-Match). */
  void putAlarm(JsonObject fields) {
    send(HttpMethod.PUT, "/api/alarm", fields);
  }

  void patchConfig(JsonObject patch) {
    send(HttpMethod.PATCH, "/api/config", patch);
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path) {
    return web.request(method, path).timeout(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
