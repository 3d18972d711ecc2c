package io.spotipi.api;

import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerClient;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every failed request as {@code application/problem+json}, whoever failed it: our handlers
 * (a {@link Problem} or a {@code ConfigFailure}), the router (404), the body handler (413). A failure
 * that is neither is a bug: it is logged with its stack trace and answered 500 without one. A
 * "Spotify not connected" failure, whatever route met it, also says the player's {@code state}
 * ({@code not_configured} or {@code reauthorize}), so a client knows what the user must do.
 */
final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(Problem.MEDIA_TYPE);

  private final PlayerClient player;

  private ProblemHandler(PlayerClient player) {
    this.player = player;
  }

  /**
   * Makes this the answer to every failure: as the failure handler of every path (whatever status a
   * handler failed with), and as the router's own 4xx/5xx answer (no route, no method).
   */
  static void register(Router router, PlayerClient player) {
    ProblemHandler handler = new ProblemHandler(player);
    router.route().failureHandler(handler);
    for (int status = 400; status < 600; status++) {
      router.errorHandler(status, handler);
    }
  }

  @Override
  public void handle(RoutingContext rc) {
    Problem p = problem(rc);
    if (p.code() == ErrorCode.NOT_CONNECTED) {
      player.status().onComplete(ar -> send(rc.request(), ar.succeeded() ? p.member("state", ar.result().state()) : p));
    } else {
      send(rc.request(), p);
    }
  }

  private static Problem problem(RoutingContext rc) {
    Throwable failure = rc.failure();
    Problem p = Problem.from(failure, rc.statusCode(), rc.request().getHeader(HttpHeaders.IF_MATCH) != null);
    if (p == null) {
      log.error("{} {} failed unexpectedly", rc.request().method(), rc.request().path(), failure);
      return Problem.of(500, "internal error; the server log has the details");
    }
    if (p.status() >= 500) {
      log.warn("{} {} → {}: {}", rc.request().method(), rc.request().path(), p.status(), p.detail());
    }
    return p;
  }

  static void send(HttpServerRequest req, Problem p) {
    HttpServerResponse resp = req.response();
    if (resp.headWritten()) {
      // a streaming response (events) cannot change its status any more: cut it
      if (!resp.ended()) {
        resp.reset();
      }
      return;
    }
    SecurityHeaders.ensure(resp.headers());
    resp.setStatusCode(p.status()).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
    p.headers().forEach(resp::putHeader);
    resp.end(p.toJson(req.path()).toBuffer());
  }
}
