package io.spotipi.player.fake;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local Spotify for tests: one HTTP server on 127.0.0.1 (port 0) with both the accounts service
 * ({@code POST /api/token} and the consent page {@code GET /authorize}, see {@link FakeAccounts} and
 * {@link #consent}) and the Web API ({@code /v1/...}, see {@link FakePlayer}). It records every request
 * it receives and fails the ones a test scripts with {@link #fault}. Point {@code PlayerOptions.apiUrl} and {@code accountsUrl} at {@link #url()}.
 */
public final class FakeSpotify {
  private final Vertx vertx;
  private final FakeAccounts accounts = new FakeAccounts();
  private final FakePlayer player;
  private final FakeMusic music = new FakeMusic(this);
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new ArrayList<>();
  private final HttpClient browser;
  private HttpServer server;

  private FakeSpotify(Vertx vertx) {
    this.vertx = vertx;
    this.player = new FakePlayer(this);
    // A connection per consent, as a browser opening a page: a kept-alive one, reused by a request sent
    // from the test's thread (no Vert.x context), now and then never brought the redirect back.
    this.browser = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  public static Future<FakeSpotify> start(Vertx vertx) {
    FakeSpotify fake = new FakeSpotify(vertx);
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false));
    router.route().handler(fake::recordAndFault);
    router.post("/api/token").handler(fake.accounts::token);
    router.get("/authorize").handler(fake.accounts::authorize);
    router.route("/v1/*").handler(fake::bearer);
    fake.player.mount(router);
    fake.music.mount(router);
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)).requestHandler(router)
        .listen().map(s -> {
          fake.server = s;
          return fake;
        });
  }

  /** {@code http://127.0.0.1:<port>}: both base URLs. */
  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public Future<Void> close() {
    return server.close().compose(v -> browser.close());
  }

  /**
   * What the user's browser does with an authorize address: opens it, the user agrees (or, after
   * {@link FakeAccounts#denyNext()}, cancels), and it lands on the redirect URI. Returns that address.
   */
  public Future<String> consent(String authorizeUrl) {
    return browser.request(new RequestOptions().setAbsoluteURI(authorizeUrl).setMethod(HttpMethod.GET))
        .compose(req -> req.send()).compose(resp -> resp.body().compose(body -> resp.statusCode() == 302
            ? Future.succeededFuture(resp.getHeader("Location"))
            : Future.failedFuture("the consent page answered " + resp.statusCode() + ": " + body)));
  }

  public FakeAccounts accounts() {
    return accounts;
  }

  public FakePlayer player() {
    return player;
  }

  public FakeMusic music() {
    return music;
  }

  /** Fails the next requests the fault names (faults apply in the order they were added). */
  public synchronized FakeSpotify fault(Fault fault) {
    faults.add(fault);
    return this;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public List<Recorded> requests(String method, String path) {
    return requests.stream().filter(r -> r.is(method, path)).toList();
  }

  public void clearRequests() {
    requests.clear();
  }

  private void recordAndFault(RoutingContext rc) {
    String body = rc.body() == null || rc.body().buffer() == null ? "" : rc.body().asString();
    String method = rc.request().method().name();
    String path = rc.request().path();
    requests.add(new Recorded(method, path, rc.request().query(), body, rc.request().getHeader("Authorization"),
        System.nanoTime()));
    if ((method.equals("PUT") || method.equals("POST")) && rc.request().getHeader("Content-Length") == null
        && rc.request().getHeader("Transfer-Encoding") == null) {
      error(rc, 411, null, "Length Required"); // as Spotify answers a bodiless PUT without Content-Length: 0
      return;
    }
    Fault fault = takeFault(method, path);
    if (fault != null && fault.effect() != null) {
      fault.effect().run();
    }
    if (fault == null || fault.effect() != null) {
      rc.next();
    } else if (fault.drop()) {
      rc.request().connection().close();
    } else if (fault.delayMs() > 0) {
      vertx.setTimer(fault.delayMs(), t -> rc.next());
    } else {
      if (fault.retryAfterSeconds() != null) {
        rc.response().putHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
      }
      if (path.startsWith("/api/")) {
        end(rc, fault.status(), new JsonObject().put("error", fault.reason() == null ? "server_error" : fault.reason()));
      } else {
        error(rc, fault.status(), fault.reason(), "scripted fault");
      }
    }
  }

  /** The fault that applies to this request, if any, counting it off. */
  private synchronized Fault takeFault(String method, String path) {
    for (int i = 0; i < faults.size(); i++) {
      Fault f = faults.get(i);
      if (!f.matches(method, path)) {
        continue;
      }
      if (f.after() > 0) {
        faults.set(i, f.after(f.after() - 1));
        return null;
      }
      if (f.times() > 1) {
        faults.set(i, f.times(f.times() - 1));
      } else {
        faults.remove(i);
      }
      return f;
    }
    return null;
  }

  private void bearer(RoutingContext rc) {
    String auth = rc.request().getHeader("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !accounts.validAccess(auth.substring(7))) {
      error(rc, 401, null, "The access token expired");
    } else {
      rc.next();
    }
  }

  /** The Web API's error shape. */
  static void error(RoutingContext rc, int status, String reason, String message) {
    JsonObject error = new JsonObject().put("status", status).put("message", message);
    if (reason != null) {
      error.put("reason", reason);
    }
    end(rc, status, new JsonObject().put("error", error));
  }

  static void end(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  static void noContent(RoutingContext rc) {
    rc.response().setStatusCode(204).end();
  }
}
