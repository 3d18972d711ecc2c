package io.spotipi.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Settings of the {@link ApiVerticle}, read from the verticle's JSON config (the app module fills it
 * from the command line and environment). Keys, their environment variables and defaults:
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
 * A bad value fails {@link #fromJson} with an {@link IllegalArgumentException} naming the key.
 */
public final class ApiOptions {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 5001;
  public static final String DEFAULT_RATE_LIMIT = "600,6000";
  public static final int DEFAULT_HEARTBEAT_SECONDS = 15;

  private final String host;
  private final int port;
  private final String apiToken;
  private final List<String> corsOrigins;
  private final List<String> allowedHosts;
  private final String hostName;
  private final List<String> trustedProxies;
  private final RateLimiter.Limits rateLimit;
  private final int eventLoopThreads;
  private final int workerThreads;
  private final int heartbeatSeconds;

  private ApiOptions(JsonObject json) {
    host = json.getString("host", DEFAULT_HOST);
    port = intIn(json, "port", DEFAULT_PORT, 0, 65535);
    String token = json.getString("apiToken");
    apiToken = token == null || token.isEmpty() ? null : token;
    corsOrigins = strings(json, "corsOrigins");
    allowedHosts = strings(json, "allowedHosts");
    allowedHosts.stream().filter(h -> !AllowedHosts.isValidEntry(h)).findFirst().ifPresent(h -> {
      throw new IllegalArgumentException("allowedHosts: not a host name or *: '" + h + "'");
    });
    hostName = json.getString("hostName");
    trustedProxies = strings(json, "trustedProxies");
    trustedProxies.forEach(p -> IpAddresses.Range.parse(p, "trustedProxies"));
    rateLimit = RateLimiter.Limits.parse(json.getString("rateLimit", DEFAULT_RATE_LIMIT));
    eventLoopThreads = intIn(json, "eventLoopThreads", 0, 0, Integer.MAX_VALUE);
    workerThreads = intIn(json, "workerThreads", 0, 0, Integer.MAX_VALUE);
    heartbeatSeconds = intIn(json, "heartbeatSeconds", DEFAULT_HEARTBEAT_SECONDS, 1, 3600);
  }

  /** The options in a verticle config; missing keys take their defaults. */
  public static ApiOptions fromJson(JsonObject json) {
    try {
      return new ApiOptions(json == null ? new JsonObject() : json);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("api options: a key has the wrong type: " + e.getMessage());
    }
  }

  private static int intIn(JsonObject json, String key, int dflt, int min, int max) {
    int v = json.getInteger(key, dflt);
    if (v < min || v > max) {
      throw new IllegalArgumentException(key + " must be within " + min + ".." + max + ", got " + v);
    }
    return v;
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

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The bearer token mutations need, or {@code null} for the LAN-trust default. */
  public String apiToken() {
    return apiToken;
  }

  public List<String> corsOrigins() {
    return corsOrigins;
  }

  /** Host names answered to beyond the defaults; {@code *} among them turns the check off. */
  public List<String> allowedHosts() {
    return allowedHosts;
  }

  /** The machine's host name as configured, or {@code null}: then it is read from the machine. */
  public String hostName() {
    return hostName;
  }

  public List<String> trustedProxies() {
    return trustedProxies;
  }

  /** The per-client limits, or {@code null} when rate limiting is off. */
  public RateLimiter.Limits rateLimit() {
    return rateLimit;
  }

  public int eventLoopThreads() {
    return eventLoopThreads;
  }

  public int workerThreads() {
    return workerThreads;
  }

  public int heartbeatSeconds() {
    return heartbeatSeconds;
  }
}
