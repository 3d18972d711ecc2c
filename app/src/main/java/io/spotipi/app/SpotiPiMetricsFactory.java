package io.spotipi.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MetricsNaming;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.HashSet;
import java.util.Set;

/**
 * Vert.x metrics from vertx-micrometer-metrics, except that the HTTP server's request meters come from
 * {@link CachedHttpServerMetrics} (same meters, resolved once instead of per request). The swap is made
 * only when the options ask for exactly the labels those meters carry; any other setting gets the
 * library's metrics unchanged.
 */
final class SpotiPiMetricsFactory implements VertxMetricsFactory {
  private static final Set<Label> CACHED_HTTP_LABELS = Set.of(Label.HTTP_METHOD, Label.HTTP_CODE);
  private static final Set<Label> HTTP_SERVER_LABELS = Set.of(
      Label.LOCAL, Label.REMOTE, Label.HTTP_PATH, Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE);

  private final MicrometerMetricsFactory micrometer = new MicrometerMetricsFactory();

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    VertxMetrics metrics = micrometer.metrics(options);
    if (options.getMetricsOptions() instanceof MicrometerMetricsOptions micrometerOptions
        && cachedMetersFit(micrometerOptions)) {
      return new WithCachedHttpServer(metrics, micrometerOptions);
    }
    return metrics;
  }

  @Override
  public MetricsOptions newOptions() {
    return micrometer.newOptions();
  }

  @Override
  public MetricsOptions newOptions(MetricsOptions options) {
    return micrometer.newOptions(options);
  }

  @Override
  public MetricsOptions newOptions(JsonObject json) {
    return micrometer.newOptions(json);
  }

  static boolean cachedMetersFit(MicrometerMetricsOptions options) {
    Set<Label> httpLabels = new HashSet<>(options.getLabels());
    httpLabels.retainAll(HTTP_SERVER_LABELS);
    return httpLabels.equals(CACHED_HTTP_LABELS) && options.getServerRequestTagsProvider() == null
        && !options.isMetricsCategoryDisabled(MetricsDomain.HTTP_SERVER);
  }

  /** The library's metrics, delegated call by call, but for the HTTP server's. */
  private static final class WithCachedHttpServer implements VertxMetrics {
    private final VertxMetrics library;
    private final MicrometerMetricsOptions options;

    WithCachedHttpServer(VertxMetrics library, MicrometerMetricsOptions options) {
      this.library = library;
      this.options = options;
    }

    @Override
    @SuppressWarnings("unchecked")
    public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions serverOptions, SocketAddress localAddress) {
      HttpServerMetrics<Object, Object, Object> connections =
          (HttpServerMetrics<Object, Object, Object>) library.createHttpServerMetrics(serverOptions, localAddress);
      MetricsNaming names = options.getMetricsNaming().withBaseName(MetricsDomain.HTTP_SERVER.getPrefix());
      return new CachedHttpServerMetrics(connections, BackendRegistries.getNow(options.getRegistryName()), names);
    }

    @Override
    public EventBusMetrics<?> createEventBusMetrics() {
      return library.createEventBusMetrics();
    }

    @Override
    public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type, String namespace) {
      return library.createClientMetrics(remoteAddress, type, namespace);
    }

    @Override
    public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions clientOptions) {
      return library.createHttpClientMetrics(clientOptions);
    }

    @Override
    public TCPMetrics<?> createNetServerMetrics(NetServerOptions serverOptions, SocketAddress localAddress) {
      return library.createNetServerMetrics(serverOptions, localAddress);
    }

    @Override
    public TCPMetrics<?> createNetClientMetrics(NetClientOptions clientOptions) {
      return library.createNetClientMetrics(clientOptions);
    }

    @Override
    public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions socketOptions) {
      return library.createDatagramSocketMetrics(socketOptions);
    }

    @Override
    public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
      return library.createPoolMetrics(poolType, poolName, maxPoolSize);
    }

    @Override
    public void vertxCreated(Vertx vertx) {
      library.vertxCreated(vertx);
    }

    @Override
    public boolean isMetricsEnabled() {
      return library.isMetricsEnabled();
    }

    @Override
    public void close() {
      library.close();
    }
  }
}
