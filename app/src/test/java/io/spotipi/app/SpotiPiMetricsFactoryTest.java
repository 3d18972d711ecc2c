package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cached HTTP server meters against the library's own: the same request sequence sent to two servers,
 * one in a Vert.x with {@link MicrometerMetricsFactory}, one with {@link SpotiPiMetricsFactory}, must
 * scrape to the same {@code vertx_http_server_*} lines (names, help, types, tags, counts, byte sums; only
 * the measured durations differ).
 */
class SpotiPiMetricsFactoryTest {
  private final List<Vertx> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(vertx -> Await.result(vertx.close()));
  }

  @Test
  void sameMetersAsTheLibrary() throws Exception {
    Node library = start(new MicrometerMetricsFactory());
    Node cached = start(new SpotiPiMetricsFactory());
    for (Node node : List.of(library, cached)) {
      sendTheSequence(node);
    }
    // A reset (the client gone before the answer) reaches the server's metrics asynchronously.
    awaitLine(library, "vertx_http_server_request_resets_total{method=\"GET\"} 1.0");
    awaitLine(cached, "vertx_http_server_request_resets_total{method=\"GET\"} 1.0");

    assertEquals(comparable(library.scrape()), comparable(cached.scrape()));
    String text = cached.scrape();
    assertTrue(text.contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\"} 3.0"), text);
    assertTrue(text.contains("vertx_http_server_response_time_seconds_count{code=\"201\",method=\"POST\"} 2"), text);
    assertTrue(text.contains("vertx_http_server_request_bytes_sum{method=\"POST\"} 8.0"), text);
    assertTrue(text.contains("vertx_http_server_active_requests{method=\"GET\"} 0.0"), text);
  }

  @Test
  void unknownMethodsShareOneMeter() {
    Node cached = start(new SpotiPiMetricsFactory());
    for (String method : List.of("BREW", "WHEN", "BREW")) {
      assertEquals(405, send(cached, new HttpMethod(method), "/", null));
    }
    String text = comparable(cached.scrape());
    assertTrue(text.contains("vertx_http_server_requests_total{code=\"405\",method=\"OTHER\"} 3.0"), text);
    assertFalse(text.contains("BREW") || text.contains("WHEN"), text);
  }

  @Test
  void swapsOnlyWhenTheLabelsAreTheCachedOnes() {
    MicrometerMetricsOptions ours = (MicrometerMetricsOptions) SpotiPiNode.vertxOptions().getMetricsOptions();
    assertTrue(SpotiPiMetricsFactory.cachedMetersFit(ours));
    assertFalse(SpotiPiMetricsFactory.cachedMetersFit(new MicrometerMetricsOptions().addLabels(Label.HTTP_ROUTE)));
    assertFalse(SpotiPiMetricsFactory.cachedMetersFit(new MicrometerMetricsOptions().addLabels(Label.REMOTE)));
    assertFalse(SpotiPiMetricsFactory.cachedMetersFit(new MicrometerMetricsOptions()
        .setServerRequestTagsProvider(request -> List.of())));
    assertFalse(SpotiPiMetricsFactory.cachedMetersFit(new MicrometerMetricsOptions()
        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)));
  }

  /** GETs (200 and 404), POSTs with bodies (201), a DELETE (204) and a request abandoned by its client. */
  private static void sendTheSequence(Node node) throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, send(node, HttpMethod.GET, "/ok", null));
    }
    assertEquals(404, send(node, HttpMethod.GET, "/missing?x=1", null));
    assertEquals(201, send(node, HttpMethod.POST, "/echo", "abc"));
    assertEquals(201, send(node, HttpMethod.POST, "/echo", "defgh"));
    assertEquals(204, send(node, HttpMethod.DELETE, "/ok", null));
    HttpClient client = node.vertx.createHttpClient();
    HttpClientRequest hanging = Await.result(client.request(HttpMethod.GET, node.port, "127.0.0.1", "/hang"));
    Await.result(hanging.end());
    node.awaitHanging();
    Await.result(client.close());
  }

  private static int send(Node node, HttpMethod method, String uri, String body) {
    HttpClient client = node.vertx.createHttpClient();
    try {
      return Await.result(client.request(method, node.port, "127.0.0.1", uri)
          .compose(request -> body == null ? request.send() : request.send(body))
          .compose(response -> response.body().map(ignored -> response.statusCode())));
    } finally {
      Await.result(client.close());
    }
  }

  private static void awaitLine(Node node, String line) throws InterruptedException {
    for (int i = 0; i < 200 && !node.scrape().contains(line); i++) {
      Thread.sleep(50);
    }
    assertTrue(node.scrape().contains(line), node.scrape());
  }

  /** The server's lines, the measured durations blanked. */
  private static String comparable(String scrape) {
    return scrape.lines()
        .filter(line -> line.contains("vertx_http_server_"))
        .map(line -> line.startsWith("vertx_http_server_response_time_seconds_sum")
            || line.startsWith("vertx_http_server_response_time_seconds_max")
            ? line.substring(0, line.lastIndexOf(' ')) : line)
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  private Node start(VertxMetricsFactory factory) {
    String registry = "metrics-test-" + UUID.randomUUID();
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setRegistryName(registry)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
        .withMetrics(factory)
        .build();
    opened.add(vertx);
    Node node = new Node(vertx, (PrometheusMeterRegistry) BackendRegistries.getNow(registry));
    HttpServer server = vertx.createHttpServer().requestHandler(node::answer);
    node.port = Await.result(server.listen(0, "127.0.0.1")).actualPort();
    return node;
  }

  /** A server answering by path, and the registry its Vert.x reports to. */
  private static final class Node {
    final Vertx vertx;
    final PrometheusMeterRegistry registry;
    int port;
    private final CountDownLatch hangingArrived = new CountDownLatch(1);

    Node(Vertx vertx, PrometheusMeterRegistry registry) {
      this.vertx = vertx;
      this.registry = registry;
    }

    void answer(HttpServerRequest request) {
      switch (request.path()) {
        case "/ok" -> request.response().setStatusCode(request.method() == HttpMethod.DELETE ? 204 : 200)
            .end(request.method() == HttpMethod.DELETE ? "" : "fine");
        case "/echo" -> request.body().onSuccess(body -> request.response().setStatusCode(201).end(body));
        case "/hang" -> hangingArrived.countDown();
        default -> request.response().setStatusCode(request.method() == HttpMethod.GET ? 404 : 405).end();
      }
    }

    void awaitHanging() throws InterruptedException {
      assertTrue(hangingArrived.await(10, TimeUnit.SECONDS), "the hanging request never arrived");
    }

    String scrape() {
      return registry.scrape();
    }
  }
}
