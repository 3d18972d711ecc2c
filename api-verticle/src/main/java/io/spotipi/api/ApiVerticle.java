package io.spotipi.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ControlsClient;
import io.spotipi.shared.MetricNames;
import io.spotipi.shared.PlayerClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on port 5001 (options: {@link ApiOptions}). It owns no state beyond its
 * {@link ConfigClient}: reads come from the client's near cache, writes are commits to the owner, the
 * alarm's status and trigger are requests to the scheduler, Spotify's routes requests to this node's
 * player ({@link PlayerClient}).
 */
public class ApiVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ApiVerticle.class);
  /** The player answers within seconds (Spotify's answer or its own failure); it never plays for us. */
  static final long PLAYER_TIMEOUT_MS = 20_000;
  /** Longer than the player takes for a command (it retries within its deadline) or to read a whole list. */
  static final long CONTROLS_TIMEOUT_MS = 30_000;

  private HttpServer server;
  private MeterRegistry registry;
  private List<Meter> meters = List.of();

  @Override
  public Future<?> start() {
    ApiOptions options = ApiOptions.fromJson(config());
    ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("api"));
    RateLimiter limiter = options.rateLimit() == null ? null : new RateLimiter(options.rateLimit());
    registerCacheMetrics(client);
    ClassLoader loader = ApiVerticle.class.getClassLoader();
    Future<WebAssets> web = vertx.executeBlocking(() -> WebAssets.fromClasspath(loader));
    Future<String> machineName = options.hostName() != null ? Future.succeededFuture(options.hostName())
        : vertx.executeBlocking(ApiVerticle::machineName);
    return Future.all(client.ready(), machineName, web).compose(v -> {
      AllowedHosts hosts = new AllowedHosts(options.allowedHosts(), machineName.result(), options.host());
      RequestGuard guard = new RequestGuard(AccessPolicy.of(options), hosts, limiter,
          new RefusalLog(RefusalLog.DEFAULT_MAX_CLIENTS, System::nanoTime, log::warn));
      PageCache<String> libraryPages = LibraryHandler.pageCache();
      Router router = routes(options, client, guard, web.result(), libraryPages);
      return vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
          .requestHandler(new CachedConfigGet(client, guard, new CachedLibraryPages(libraryPages, guard, router)))
          .listen()
          .onSuccess(s -> {
            server = s;
            log.info("HTTP API listening on {}:{} (token {}, rate limit {}, hosts {})", options.host(), s.actualPort(),
                options.apiToken() == null ? "off, LAN trust" : "required", options.rateLimit() == null ? "off"
                    : options.rateLimit().mutationsPerMinute() + "/" + options.rateLimit().readsPerMinute()
                        + " per min", hosts.answersToAny() ? "any (no DNS-rebinding check)"
                    : "IP addresses, localhost, " + machineName.result() + " and " + options.allowedHosts());
          });
    });
  }

  /** This machine's host name as the kernel has it (no DNS), else as Java finds it; {@code null} if neither. */
  static String machineName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException | RuntimeException notLinux) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** A redeployed verticle's client must not stay behind the meters of the one it replaces. */
  @Override
  public Future<?> stop() {
    if (registry != null) {
      meters.forEach(registry::remove);
    }
    return Future.succeededFuture();
  }

  /** The near cache's hit and miss counts, read at each scrape; only when this Vert.x has metrics. */
  private void registerCacheMetrics(ConfigClient client) {
    registry = BackendRegistries.getDefaultNow();
    if (registry == null) {
      return;
    }
    meters = List.of(
        FunctionCounter.builder(MetricNames.CACHE_HITS, client, ConfigClient::cacheHits)
            .description("config reads the API served from its near cache").tag("client", "api").register(registry),
        FunctionCounter.builder(MetricNames.CACHE_MISSES, client, ConfigClient::cacheMisses)
            .description("reads the API had to ask the config owner for").tag("client", "api").register(registry));
  }

  /** The port the server listens on (the chosen one when configured with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Every route of the API, in matching order: a fixed path before the {@code :key} that would match it.
   * A {@code GET /api/config} the near cache can answer never gets here ({@link CachedConfigGet}), nor
   * a library page answered within the last second ({@link CachedLibraryPages}).
   */
  private Router routes(ApiOptions options, ConfigClient client, RequestGuard guard, WebAssets webAssets,
      PageCache<String> libraryPages) {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(RequestBody.LIMIT_BYTES);
    ConfigHandler config = new ConfigHandler(client);
    EventsHandler events = new EventsHandler(vertx, client, options.heartbeatSeconds() * 1000L);
    BackupsHandler backups = new BackupsHandler(client);
    StatusHandler status = new StatusHandler(client, events, options);
    HealthHandler health = new HealthHandler(client);
    MetricsHandler metrics = new MetricsHandler();
    ControlsClient controls = ControlsClient.create(vertx, CONTROLS_TIMEOUT_MS);
    SnoozeHandler snooze = new SnoozeHandler(controls);
    AlarmHandler alarm = new AlarmHandler(vertx.eventBus(), client, snooze);
    WebAppHandler web = new WebAppHandler(webAssets);
    PlayerClient player = PlayerClient.create(vertx, PLAYER_TIMEOUT_MS, PLAYER_TIMEOUT_MS);
    TriggerHandler trigger = new TriggerHandler(vertx.eventBus());
    SpotifyAccountHandler spotify = new SpotifyAccountHandler(player);
    SpotifyConnectHandler connect = new SpotifyConnectHandler(player);
    DevicesHandler devices = new DevicesHandler(player);

    router.route().handler(guard);

    Resource.at(router, CachedConfigGet.PATH, body).get(config::getAll).put(RequestBody.JSON, config::replace)
        .patch(RequestBody.MERGE_PATCH, config::merge);
    Resource.at(router, "/api/config/schema", body).get(config::schema);
    Resource.at(router, "/api/config/history", body).get(config::history);
    Resource.at(router, "/api/config/events", body).get(events::watch);
    Resource.at(router, "/api/config/:key", body).get(config::getKey).put(RequestBody.JSON, config::putKey)
        .delete(config::deleteKey);

    Resource.at(router, "/api/backups", body).get(backups::list).post(backups::create);
    Resource.at(router, "/api/backups/:id/restore", body).post(backups::restore);

    Resource.at(router, "/api/thread-safety/status", body).get(status::status);
    Resource.at(router, "/api/thread-safety/invalidate-cache", body).post(status::invalidate);

    Resource.at(router, "/api/alarm", body).get(alarm::status).put(RequestBody.MERGE_PATCH, alarm::update);
    Resource.at(router, "/api/alarm/trigger", body).post(trigger::trigger);
    Resource.at(router, "/save_alarm", body).postForm(alarm::saveForm);

    Resource.at(router, "/api/spotify/status", body).get(spotify::status);
    Resource.at(router, "/api/spotify/credentials", body).put(RequestBody.JSON, spotify::putCredentials)
        .delete(spotify::deleteCredentials);
    Resource.at(router, "/api/spotify/authorize", body).post(RequestBody.JSON, connect::authorize);
    Resource.at(router, "/api/spotify/callback", body).post(RequestBody.JSON, connect::callback)
        .get(connect::redirect);
    Resource.at(router, "/api/devices", body).get(devices::list);

    playerControls(router, body, controls, snooze, libraryPages);

    Resource.at(router, HealthHandler.LIVE_PATH, body).get(health::live);
    Resource.at(router, "/readyz", body).get(health::ready);
    Resource.at(router, "/metrics", body).get(metrics::scrape);

    WebAppHandler.PAGES.forEach(page -> Resource.at(router, page, body).get(web::page).head(web::page));
    Resource.at(router, WebAppHandler.ASSETS_ROUTE, body).get(web::asset).head(web::asset);

    ProblemHandler.register(router, player);
    return router;
  }

  /** Playback, the library, snooze and the sleep timer: requests to this node's player. */
  private static void playerControls(Router router, BodyHandler body, ControlsClient controls, SnoozeHandler snooze,
      PageCache<String> libraryPages) {
    PlaybackHandler playback = new PlaybackHandler(controls);
    Resource.at(router, "/api/playback", body).get(playback::state);
    Resource.at(router, "/api/playback/play", body).post(RequestBody.JSON, playback::play);
    Resource.at(router, "/api/playback/pause", body).post(playback::pause);
    Resource.at(router, "/api/playback/resume", body).post(playback::resume);
    Resource.at(router, "/api/playback/next", body).post(playback::next);
    Resource.at(router, "/api/playback/previous", body).post(playback::previous);
    Resource.at(router, "/api/playback/volume", body).put(RequestBody.JSON, playback::volume);
    LibraryHandler library = new LibraryHandler(controls, libraryPages);
    Resource.at(router, "/api/library/search", body).get(library::search);
    Resource.at(router, "/api/library/artists/:id/albums", body).get(library::artistAlbums);
    Resource.at(router, "/api/library/:list", body).get(library::list);
    Resource.at(router, "/api/alarm/snooze", body).post(snooze::snooze).delete(snooze::dismiss);
    SleepHandler sleep = new SleepHandler(controls);
    Resource.at(router, "/api/sleep", body).get(sleep::status).post(RequestBody.JSON, sleep::start).delete(sleep::stop);
  }
}
