package io.spotipi.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsNaming;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP server's request meters of vertx-micrometer-metrics (same names, descriptions and tags:
 * {@code method}, and {@code code} on the response meters) with each meter resolved once per method and
 * status code. The library resolves five meters per request in the registry (a tag set built, sorted and
 * looked up each time: a quarter of the API event loop's time under a GET load); here a request costs two
 * map reads. Connections, bytes and errors stay with the library's own instance, which this wraps.
 */
final class CachedHttpServerMetrics implements HttpServerMetrics<CachedHttpServerMetrics.Request, Object, Object> {
  /** Methods outside the standard ones are counted as this one, so that junk requests cannot grow the registry. */
  private static final HttpMethod OTHER = new HttpMethod("OTHER");
  private static final Set<HttpMethod> KNOWN_METHODS = Set.copyOf(HttpMethod.values());

  private final HttpServerMetrics<Object, Object, Object> connections;
  private final MeterRegistry registry;
  private final MetricsNaming names;
  private final Map<HttpMethod, MethodMeters> byMethod = new ConcurrentHashMap<>();

  CachedHttpServerMetrics(HttpServerMetrics<Object, Object, Object> connections, MeterRegistry registry,
      MetricsNaming names) {
    this.connections = connections;
    this.registry = registry;
    this.names = names;
  }

  @Override
  public Request requestBegin(Object socketMetric, HttpRequest request) {
    return begin(request.method());
  }

  @Override
  public Request responsePushed(Object socketMetric, HttpMethod method, String uri, HttpResponse response) {
    return begin(method);
  }

  @Override
  public void requestEnd(Request request, HttpRequest httpRequest, long bytesRead) {
    request.meters.requestBytes.record(bytesRead);
    request.requestEnded = true;
    request.endIfDone();
  }

  @Override
  public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
    ResponseMeters meters = request.meters.forCode(response.statusCode());
    meters.count.increment();
    request.sample.stop(meters.time);
    meters.bytes.record(bytesWritten);
    request.responseEnded = true;
    request.endIfDone();
  }

  @Override
  public void requestReset(Request request) {
    request.meters.resets().increment();
    if (!request.done) {
      request.done = true;
      request.meters.active.decrement();
    }
  }

  @Override
  public Object connected(Object socketMetric, Request request, ServerWebSocket webSocket) {
    // The library's WebSocket gauge is tagged from the socket alone; it never reads the request.
    return connections.connected(socketMetric, null, webSocket);
  }

  @Override
  public void disconnected(Object webSocketMetric) {
    connections.disconnected(webSocketMetric);
  }

  @Override
  public Object connected(SocketAddress remoteAddress, String remoteName) {
    return connections.connected(remoteAddress, remoteName);
  }

  @Override
  public void disconnected(Object socketMetric, SocketAddress remoteAddress) {
    connections.disconnected(socketMetric, remoteAddress);
  }

  @Override
  public void bytesRead(Object socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
    connections.bytesRead(socketMetric, remoteAddress, numberOfBytes);
  }

  @Override
  public void bytesWritten(Object socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
    connections.bytesWritten(socketMetric, remoteAddress, numberOfBytes);
  }

  @Override
  public void exceptionOccurred(Object socketMetric, SocketAddress remoteAddress, Throwable t) {
    connections.exceptionOccurred(socketMetric, remoteAddress, t);
  }

  @Override
  public void close() {
    connections.close();
  }

  private Request begin(HttpMethod method) {
    MethodMeters meters = byMethod.get(method);
    if (meters == null) {
      meters = byMethod.computeIfAbsent(KNOWN_METHODS.contains(method) ? method : OTHER, MethodMeters::new);
    }
    meters.active.increment();
    return new Request(meters, Timer.start(registry));
  }

  /** One request in flight; Vert.x calls back on the connection's event loop only. */
  static final class Request {
    final MethodMeters meters;
    final Timer.Sample sample;
    boolean requestEnded;
    boolean responseEnded;
    boolean done;

    Request(MethodMeters meters, Timer.Sample sample) {
      this.meters = meters;
      this.sample = sample;
    }

    /** No longer active once both the request and the response have ended (the library's rule). */
    void endIfDone() {
      if (requestEnded && responseEnded && !done) {
        done = true;
        meters.active.decrement();
      }
    }
  }

  /** The meters tagged with one method, and those of its responses per status code. */
  final class MethodMeters {
    final Tags tags;
    final LongAdder active = new LongAdder();
    final DistributionSummary requestBytes;
    private final Map<Integer, ResponseMeters> byCode = new ConcurrentHashMap<>();

    MethodMeters(HttpMethod method) {
      tags = Tags.of(Label.HTTP_METHOD.toString(), method.name());
      Gauge.builder(names.getHttpActiveRequests(), active, LongAdder::doubleValue)
          .description("Number of requests being processed").tags(tags).strongReference(true).register(registry);
      requestBytes = DistributionSummary.builder(names.getHttpRequestBytes())
          .description("Size of requests in bytes").tags(tags).register(registry);
    }

    /** Looked up when needed, as the library does: resets are rare, and it shows none until the first. */
    Counter resets() {
      return Counter.builder(names.getHttpRequestResetsCount())
          .description("Number of request resets").tags(tags).register(registry);
    }

    ResponseMeters forCode(int code) {
      ResponseMeters meters = byCode.get(code);
      return meters != null ? meters
          : byCode.computeIfAbsent(code, c -> new ResponseMeters(tags.and(Label.HTTP_CODE.toString(), c.toString())));
    }
  }

  /** The meters tagged with one method and one status code. */
  final class ResponseMeters {
    final Counter count;
    final Timer time;
    final DistributionSummary bytes;

    ResponseMeters(Tags tags) {
      count = Counter.builder(names.getHttpRequestsCount())
          .description("Number of processed requests").tags(tags).register(registry);
      time = Timer.builder(names.getHttpResponseTime())
          .description("Request processing time").tags(tags).register(registry);
      bytes = DistributionSummary.builder(names.getHttpResponseBytes())
          .description("Size of responses in bytes").tags(tags).register(registry);
    }
  }
}
