package io.spotipi.api;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on port 5001 (options: {@link ApiOptions}). It owns no state beyond its
 * {@link ConfigClient}: reads come from the client's near cache, writes are commits to the owner, the
 * alarm's status and trigger are requests to the scheduler.
 */
public class ApiVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ApiVerticle.class);

  private HttpServer server;

  @Override
  public Future<?> start() {
    ApiOptions options = ApiOptions.fromJson(config());
    ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("api"));
    Router router = routes(options, client);
    return client.ready()
        .compose(v -> vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
            .requestHandler(router)
            .listen())
        .onSuccess(s -> {
          server = s;
          log.info("HTTP API listening on {}:{} (token {}, rate limit {})", options.host(), s.actualPort(),
              options.apiToken() == null ? "off, LAN trust" : "required", options.rateLimit() == null ? "off"
                  : options.rateLimit().mutationsPerMinute() + "/" + options.rateLimit().readsPerMinute() + " per min");
        });
  }

  /** The port the server listens on (the chosen one when configured with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** Every route of the API, in matching order: a fixed path before the {@code :key} that would match it. */
  private Router routes(ApiOptions options, ConfigClient client) {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(RequestBody.LIMIT_BYTES);
    ConfigHandler config = new ConfigHandler(client);
    EventsHandler events = new EventsHandler(vertx, client, options.heartbeatSeconds() * 1000L);
    BackupsHandler backups = new BackupsHandler(client);
    StatusHandler status = new StatusHandler(client, events, options);
    HealthHandler health = new HealthHandler(client);
    MetricsHandler metrics = new MetricsHandler();
    AlarmHandler alarm = new AlarmHandler(vertx.eventBus(), client);

    RateLimiter limiter = options.rateLimit() == null ? null : new RateLimiter(options.rateLimit());
    router.route().handler(new RequestGuard(AccessPolicy.of(options), limiter));

    Resource.at(router, "/api/config", body).get(config::getAll).put(config::replace).patch(config::merge);
    Resource.at(router, "/api/config/schema", body).get(config::schema);
    Resource.at(router, "/api/config/history", body).get(config::history);
    Resource.at(router, "/api/config/events", body).get(events::watch);
    Resource.at(router, "/api/config/:key", body).get(config::getKey).put(config::putKey).delete(config::deleteKey);

    Resource.at(router, "/api/backups", body).get(backups::list).post(backups::create);
    Resource.at(router, "/api/backups/:id/restore", body).post(backups::restore);

    Resource.at(router, "/api/thread-safety/status", body).get(status::status);
    Resource.at(router, "/api/thread-safety/invalidate-cache", body).post(status::invalidate);

    Resource.at(router, "/api/alarm", body).get(alarm::status).put(alarm::update);
    Resource.at(router, "/api/alarm/trigger", body).post(alarm::trigger);
    Resource.at(router, "/save_alarm", body).postWithBody(alarm::saveForm);

    Resource.at(router, "/healthz", body).get(health::live);
    Resource.at(router, "/readyz", body).get(health::ready);
    Resource.at(router, "/metrics", body).get(metrics::scrape);

    ProblemHandler.register(router);
    return router;
  }
}
