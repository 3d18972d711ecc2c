package io.spotipi.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * {@code GET /metrics}: the Prometheus text of the registry Vert.x's metrics write to (HTTP server,
 * event bus, JVM) and the config owner registers its meters in.
 */
final class MetricsHandler {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  void scrape(RoutingContext rc) {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
      throw Problem.of(404, "metrics are not enabled in this process (start Vert.x with Prometheus metrics)");
    }
    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT).end(prometheus.scrape());
  }
}
