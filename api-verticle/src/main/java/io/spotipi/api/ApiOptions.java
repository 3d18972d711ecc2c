package io.spotipi.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Settings of the {@link ApiVerticle}: built with the setters (the app fills them from the command line
 * and environment) and passed as the verticle's JSON config ({@link #toJson()}, {@link #fromJson}).
 * Keys, their environment variables and defaults:
 * <ul>
 *   <li>{@code host} ({@code SPOTIPI_HOST}, default {@code 0.0.0.0}): the address to listen on.</li>
 *   <li>{@code port} ({@code SPOTIPI_PORT}, default {@code 5001}; {@code 0} picks a free port).</li>
 *   <li>{@code apiToken} ({@code SPOTIPI_API_TOKEN}, default unset): when set, every mutation needs
 *       {@code Authorization: Bearer <token>}; when unset, mutations are accepted from loopback and
 *       private-network addresses only.</li>
 *   <li>{@code corsOrigins} ({@code SPOTIPI_CORS_ORIGINS}, a list; default empty): browser origins
 *       besides the server's own that may mutate ({@code scheme://host[:port]}, or {@code *}).</li>
 *   <li>{@code allowedHosts} ({@code SPOTIPI_ALLOWED_HOSTS}, a list; default empty): host names the
 *       server answers to besides IP addresses, {@code localhost} and the machine's own name (see
 *       {@link AllowedHosts}); {@code *} turns the {@code Host} check off.</li>
 *   <li>{@code hostName} (default: read from the machine at start): the machine's host name, for the
 *       names it answers to; tests set it.</li>
 *   <li>{@code trustedProxies} ({@code SPOTIPI_TRUSTED_PROXIES}, a list of IPs or CIDR ranges; default
 *       empty): peers whose {@code X-Forwarded-For} is believed.</li>
 *   <li>{@code rateLimit} ({@code SPOTIPI_RATE_LIMIT}, default {@code 600,6000}): {@code off}, or
 *       {@code <mutations-per-minute>,<reads-per-minute>} per client address.</li>
 *   <li>{@code eventLoopThreads}, {@code workerThreads} (default 0 = unknown): the Vert.x pool sizes the
 *       app chose, reported by {@code GET /api/thread-safety/status}.</li>
 *   <li>{@code heartbeatSeconds} (default 15): the comment line interval on {@code /api/config/events}.</li>
 * </ul>
 * The setters check their values, so these checks are the only ones: a bad value fails with an
 * {@link IllegalArgumentException} naming the key. {@link #isOrigin}, {@link #isTrustedProxy} and
 * {@link #isRateLimit} give the same answers for a caller that reports bad input in its own words.
 */
public final class ApiOptions {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 5001;
  public static final String DEFAULT_RATE_LIMIT = "600,6000";
  public static final int DEFAULT_HEARTBEAT_SECONDS = 15;

  private static final String HOST = "host";
  private static final String PORT = "port";
  private static final String API_TOKEN = "apiToken";
  private static final String CORS_ORIGINS = "corsOrigins";
  private static final String ALLOWED_HOSTS = "allowedHosts";
  private static final String HOST_NAME = "hostName";
  private static final String TRUSTED_PROXIES = "trustedProxies";
  private static final String RATE_LIMIT = "rateLimit";
  private static final String EVENT_LOOP_THREADS = "eventLoopThreads";
  private static final String WORKER_THREADS = "workerThreads";
  private static final String HEARTBEAT_SECONDS = "heartbeatSeconds";

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private String apiToken;
  private List<String> corsOrigins = List.of();
  private List<String> allowedHosts = List.of();
  private String hostName;
  private List<String> trustedProxies = List.of();
  private String rateLimitSpec = DEFAULT_RATE_LIMIT;
  private RateLimiter.Limits rateLimit = RateLimiter.Limits.parse(DEFAULT_RATE_LIMIT);
  private int eventLoopThreads;
  private int workerThreads;
  private int heartbeatSeconds = DEFAULT_HEARTBEAT_SECONDS;

  /** The options in a verticle config; missing keys take their defaults. */
  public static ApiOptions fromJson(JsonObject json) {
    ApiOptions o = new ApiOptions();
    if (json == null) {
      return o;
    }
    try {
      return o.setHost(json.getString(HOST, DEFAULT_HOST))
          .setPort(json.getInteger(PORT, DEFAULT_PORT))
          .setApiToken(json.getString(API_TOKEN))
          .setCorsOrigins(strings(json, CORS_ORIGINS))
          .setAllowedHosts(strings(json, ALLOWED_HOSTS))
          .setHostName(json.getString(HOST_NAME))
          .setTrustedProxies(strings(json, TRUSTED_PROXIES))
          .setRateLimit(json.getString(RATE_LIMIT, DEFAULT_RATE_LIMIT))
          .setEventLoopThreads(json.getInteger(EVENT_LOOP_THREADS, 0))
          .setWorkerThreads(json.getInteger(WORKER_THREADS, 0))
          .setHeartbeatSeconds(json.getInteger(HEARTBEAT_SECONDS, DEFAULT_HEARTBEAT_SECONDS));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("api options: a key has the wrong type: " + e.getMessage());
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put(HOST, host).put(PORT, port).put(API_TOKEN, apiToken)
        .put(CORS_ORIGINS, new JsonArray(corsOrigins)).put(ALLOWED_HOSTS, new JsonArray(allowedHosts))
        .put(HOST_NAME, hostName).put(TRUSTED_PROXIES, new JsonArray(trustedProxies))
        .put(RATE_LIMIT, rateLimitSpec).put(EVENT_LOOP_THREADS, eventLoopThreads).put(WORKER_THREADS, workerThreads)
        .put(HEARTBEAT_SECONDS, heartbeatSeconds);
  }

  /** {@code scheme://host[:port]} as a browser sends it in {@code Origin} (http(s), no path), or {@code *}. */
  public static boolean isOrigin(String value) {
    if (value.equals("*")) {
      return true;
    }
    try {
      URI uri = new URI(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null && uri.getRawUserInfo() == null
          && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An IPv4 or IPv6 literal, optionally with a /prefix; checked without any DNS lookup. */
  public static boolean isTrustedProxy(String value) {
    return IpAddresses.Range.parseOrNull(value) != null;
  }

  /** {@code off}, or {@code <mutations/min>,<reads/min>} with both at least 1. */
  public static boolean isRateLimit(String value) {
    try {
      RateLimiter.Limits.parse(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> strings(JsonObject json, String key) {
    JsonArray a = json.getJsonArray(key, new JsonArray());
    return a.stream().map(v -> {
      if (!(v instanceof String s) || s.isBlank()) {
        throw new IllegalArgumentException(key + " must be a list of non-empty strings, got " + a.encode());
      }
      return s.trim();
    }).toList();
  }

  private static int checkedRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be within " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  private static List<String> checkedList(String key, List<String> values, Predicate<String> ok,
      String expected) {
    for (String v : values) {
      if (!ok.test(v)) {
        throw new IllegalArgumentException(key + ": '" + v + "' is not " + expected);
      }
    }
    return List.copyOf(values);
  }

  public String host() {
    return host;
  }

  public ApiOptions setHost(String host) {
    this.host = host;
    return this;
  }

  public int port() {
    return port;
  }

  public ApiOptions setPort(int port) {
    this.port = checkedRange(PORT, port, 0, 65535);
    return this;
  }

  /** The bearer token mutations need, or {@code null} for the LAN-trust default. */
  public String apiToken() {
    return apiToken;
  }

  /** {@code null} or empty: no token, LAN trust. */
  public ApiOptions setApiToken(String apiToken) {
    this.apiToken = apiToken == null || apiToken.isEmpty() ? null : apiToken;
    return this;
  }

  public List<String> corsOrigins() {
    return corsOrigins;
  }

  public ApiOptions setCorsOrigins(List<String> corsOrigins) {
    this.corsOrigins = checkedList(CORS_ORIGINS, corsOrigins, ApiOptions::isOrigin,
        "an origin like https://host[:port] (no path)");
    return this;
  }

  /** Host names answered to beyond the defaults; {@code *} among them turns the check off. */
  public List<String> allowedHosts() {
    return allowedHosts;
  }

  public ApiOptions setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = checkedList(ALLOWED_HOSTS, allowedHosts, AllowedHosts::isValidEntry, "a host name (no port) or *");
    return this;
  }

  /** The machine's host name as configured, or {@code null}: then it is read from the machine. */
  public String hostName() {
    return hostName;
  }

  public ApiOptions setHostName(String hostName) {
    this.hostName = hostName;
    return this;
  }

  public List<String> trustedProxies() {
    return trustedProxies;
  }

  public ApiOptions setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = checkedList(TRUSTED_PROXIES, trustedProxies, ApiOptions::isTrustedProxy,
        "an IP address or CIDR range");
    return this;
  }

  /** The per-client limits, or {@code null} when rate limiting is off. */
  public RateLimiter.Limits rateLimit() {
    return rateLimit;
  }

  /** {@code off}, or {@code <mutations/min>,<reads/min>}. */
  public ApiOptions setRateLimit(String spec) {
    this.rateLimit = RateLimiter.Limits.parse(spec);
    this.rateLimitSpec = spec;
    return this;
  }

  public int eventLoopThreads() {
    return eventLoopThreads;
  }

  public ApiOptions setEventLoopThreads(int eventLoopThreads) {
    this.eventLoopThreads = checkedRange(EVENT_LOOP_THREADS, eventLoopThreads, 0, Integer.MAX_VALUE);
    return this;
  }

  public int workerThreads() {
    return workerThreads;
  }

  public ApiOptions setWorkerThreads(int workerThreads) {
    this.workerThreads = checkedRange(WORKER_THREADS, workerThreads, 0, Integer.MAX_VALUE);
    return this;
  }

  public int heartbeatSeconds() {
    return heartbeatSeconds;
  }

  public ApiOptions setHeartbeatSeconds(int heartbeatSeconds) {
    this.heartbeatSeconds = checkedRange(HEARTBEAT_SECONDS, heartbeatSeconds, 1, 3600);
    return this;
  }
}
