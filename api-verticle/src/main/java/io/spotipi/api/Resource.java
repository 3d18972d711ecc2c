package io.spotipi.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One path and the methods it serves. Its first route answers every other method on the path: 405 with
 * {@code Allow}, or 204 to an {@code OPTIONS} (CORS preflight). Being registered first, it also keeps a
 * later, more general path (such as {@code /api/config/:key}) from taking this path's wrong methods.
 * A method that takes a body checks its media type before a byte of it is read or decoded (415), so a
 * body only ever reaches the decoder its route names: JSON the body handler, a form {@link FormBody}.
 */
final class Resource {
  private static final String PREFLIGHT_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Last-Event-ID";

  private final Router router;
  private final String path;
  private final Handler<RoutingContext> bodyHandler;
  private final Set<HttpMethod> methods = new LinkedHashSet<>();
  private String allow = "";

  private Resource(Router router, String path, Handler<RoutingContext> bodyHandler) {
    this.router = router;
    this.path = path;
    this.bodyHandler = bodyHandler;
  }

  /** Starts a resource; the body handler reads the JSON bodies of its methods that take one. */
  static Resource at(Router router, String path, Handler<RoutingContext> bodyHandler) {
    Resource r = new Resource(router, path, bodyHandler);
    router.route(path).handler(r::checkMethod);
    return r;
  }

  Resource get(Handler<RoutingContext> h) {
    return on(HttpMethod.GET, null, null, h);
  }

  Resource head(Handler<RoutingContext> h) {
    return on(HttpMethod.HEAD, null, null, h);
  }

  /** @param accepts the JSON media types of the body */
  Resource put(List<String> accepts, Handler<RoutingContext> h) {
    return on(HttpMethod.PUT, accepts, bodyHandler, h);
  }

  /** @param accepts the JSON media types of the body */
  Resource patch(List<String> accepts, Handler<RoutingContext> h) {
    return on(HttpMethod.PATCH, accepts, bodyHandler, h);
  }

  Resource delete(Handler<RoutingContext> h) {
    return on(HttpMethod.DELETE, null, null, h);
  }

  /** A POST with a body; {@code accepts} are its JSON media types. */
  Resource post(List<String> accepts, Handler<RoutingContext> h) {
    return on(HttpMethod.POST, accepts, bodyHandler, h);
  }

  /** A POST whose request body is ignored (an action). */
  Resource post(Handler<RoutingContext> h) {
    return on(HttpMethod.POST, null, null, h);
  }

  /** A POST of an HTML form, read as bytes for {@link FormBody} ({@link RawBodyHandler#body}). */
  Resource postForm(Handler<RoutingContext> h) {
    return on(HttpMethod.POST, RequestBody.FORM, RawBodyHandler.INSTANCE, h);
  }

  /** @param accepts {@code null} when the method takes no body */
  private Resource on(HttpMethod method, List<String> accepts, Handler<RoutingContext> reader,
      Handler<RoutingContext> h) {
    methods.add(method);
    allow = methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
    if (accepts == null) {
      router.route(method, path).handler(h);
      return this;
    }
    // A route of its own: Vert.x wants a body handler first on the route that has one.
    router.route(method, path).handler(rc -> {
      RequestBody.requireMediaType(rc.request().getHeader(HttpHeaders.CONTENT_TYPE), accepts);
      rc.next();
    });
    router.route(method, path).handler(reader).handler(h);
    return this;
  }

  private void checkMethod(RoutingContext rc) {
    HttpMethod m = rc.request().method();
    if (methods.contains(m)) {
      rc.next();
    } else if (m == HttpMethod.OPTIONS) {
      rc.response().setStatusCode(204)
          .putHeader(HttpHeaders.ALLOW, allow)
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, allow)
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, PREFLIGHT_HEADERS)
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
          .end();
    } else {
      rc.fail(Problem.of(405, m.name() + " is not supported on " + path).header("Allow", allow));
    }
  }
}
