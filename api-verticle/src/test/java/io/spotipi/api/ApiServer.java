package io.spotipi.api;

import io.spotipi.shared.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.StoreStatus;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real config owner on a temp dir and a real API verticle on a free loopback port, in a Vert.x with
 * Prometheus metrics, plus a web client: what every integration test starts from.
 */
final class ApiServer implements AutoCloseable {
  static final long TIMEOUT_S = 10;
  private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "ETag", "X-Content-Type-Options",
      "X-Frame-Options", "Referrer-Policy", "Cache-Control", "Access-Control-Allow-Origin",
      "Access-Control-Expose-Headers", "Vary", "Retry-After");

  final Vertx vertx;
  final WebClient web;
  final int port;
  String configDeployment;

  private ApiServer(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /** @param api extra API options on top of host 127.0.0.1 and port 0 */
  static ApiServer start(Path dataDir, JsonObject api) {
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
            .setJvmMetricsEnabled(true)
            .setEnabled(true)))
        .build();
    String config = deployConfigOwner(vertx, dataDir);
    ApiVerticle verticle = new ApiVerticle();
    JsonObject options = new JsonObject().put("host", "127.0.0.1").put("port", 0).mergeIn(api);
    Await.result(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(options)));
    ApiServer s = new ApiServer(vertx, verticle.actualPort());
    s.configDeployment = config;
    return s;
  }

  private static String deployConfigOwner(Vertx vertx, Path dataDir) {
    return Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions().setConfig(
        new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test").toJson())));
  }

  /** Undeploys the config owner and starts a new one on the same files: the store as after a restart. */
  void restartConfigOwner(Path dataDir) {
    Await.result(vertx.undeploy(configDeployment));
    configDeployment = deployConfigOwner(vertx, dataDir);
  }

  static ApiServer start(Path dataDir) {
    return start(dataDir, new JsonObject());
  }

  HttpRequest<Buffer> request(HttpMethod method, String path) {
    return web.request(method, path).timeout(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
  }

  HttpResponse<Buffer> send(HttpRequest<Buffer> req) {
    return Await.result(req.send());
  }

  HttpResponse<Buffer> send(HttpRequest<Buffer> req, String contentType, String body) {
    if (contentType != null) {
      req.putHeader("Content-Type", contentType);
    }
    return Await.result(req.sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> get(String path) {
    return send(request(HttpMethod.GET, path));
  }

  HttpResponse<Buffer> json(HttpMethod method, String path, String body) {
    return send(request(method, path), "application/json", body);
  }

  /** The store's revision, asked of the owner directly (not through the API under test). */
  long revision() {
    Message<Object> m = Await.result(vertx.eventBus().request(Addresses.CONFIG_STATUS, new JsonObject()));
    return Json.fromJson(m.body(), StoreStatus.class).revision();
  }

  /** Asserts a problem response of the given status, and returns its JSON. */
  static JsonObject assertProblem(HttpResponse<Buffer> r, int status) {
    assertEquals(status, r.statusCode(), () -> "body: " + r.bodyAsString());
    assertEquals(Problem.MEDIA_TYPE, r.getHeader("Content-Type"));
    JsonObject p = r.bodyAsJsonObject();
    assertEquals(status, p.getInteger("status"));
    assertTrue(p.getString("type").startsWith("urn:spotipi:problem:"), p.encode());
    assertTrue(p.containsKey("title") && p.containsKey("detail"), p.encode());
    assertTrue(!p.encode().contains("\tat ") && !p.encode().contains("Exception"), "no stack trace: " + p.encode());
    return p;
  }

  /**
   * Asserts that a request answered ahead of the router got the routed answer: the status, the headers
   * that could differ and the body.
   */
  static void assertSameAnswer(HttpResponse<Buffer> routed, HttpResponse<Buffer> cached, int status) {
    assertEquals(status, routed.statusCode());
    assertEquals(status, cached.statusCode());
    assertEquals(answerHeaders(routed), answerHeaders(cached));
    assertEquals(routed.bodyAsString(), cached.bodyAsString());
  }

  private static Map<String, List<String>> answerHeaders(HttpResponse<Buffer> r) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String name : ANSWER_HEADERS) {
      out.put(name, r.headers().getAll(name));
    }
    return out;
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }

}
