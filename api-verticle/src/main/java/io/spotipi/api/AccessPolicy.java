package io.spotipi.api;

import io.spotipi.shared.TokenMatcher;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what, as pure decisions on header values: which address a request comes from
 * ({@code X-Forwarded-For} only from trusted proxies) and whether a mutation is allowed (bearer token,
 * else LAN trust; and a browser's {@code Origin}, or without one its {@code Referer}, must be the server
 * itself or allow-listed).
 */
final class AccessPolicy {
  /** {@code null} when no token is set: LAN trust. */
  private final TokenMatcher token;
  private final Set<String> corsOrigins;
  private final boolean anyOrigin;
  private final List<IpAddresses.Range> trustedProxies;

  AccessPolicy(String apiToken, List<String> corsOrigins, List<String> trustedProxies) {
    this.token = apiToken == null ? null : new TokenMatcher(apiToken);
    this.corsOrigins = corsOrigins.stream().map(AccessPolicy::normalizeOrigin).collect(Collectors.toSet());
    this.anyOrigin = this.corsOrigins.contains("*");
    this.trustedProxies = trustedProxies.stream().map(p -> IpAddresses.Range.parse(p, "trustedProxies")).toList();
  }

  static AccessPolicy of(ApiOptions options) {
    return new AccessPolicy(options.apiToken(), options.corsOrigins(), options.trustedProxies());
  }

  /**
   * The client's address: the peer, unless the peer is a trusted proxy; then the nearest
   * {@code X-Forwarded-For} hop that is not itself a trusted proxy.
   */
  String clientAddress(String peer, String forwardedFor) {
    if (trustedProxies.isEmpty() || forwardedFor == null || !trusted(IpAddresses.parse(peer))) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      InetAddress a = IpAddresses.parse(hop);
      if (a == null) {
        return hop.isEmpty() ? peer : hop; // garbage is kept as is: never trusted, rate-limited on its own
      }
      if (i == 0 || !trusted(a)) {
        return a.getHostAddress();
      }
    }
    return peer;
  }

  private boolean trusted(InetAddress a) {
    if (a == null) {
      return false;
    }
    for (IpAddresses.Range r : trustedProxies) {
      if (r.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a mutation may proceed.
   *
   * @param host the request's {@code Host} header: a browser's {@code Origin} must name it
   * @param referer stands in for a missing {@code Origin}: the page the request came from
   * @return {@code null} when allowed, else the 401/403 to answer
   */
  Problem checkMutation(String client, String authorization, String origin, String referer, String host) {
    if (token != null && !validBearer(authorization)) {
      return Problem.of(401, authorization == null ? "this server needs Authorization: Bearer <token> for changes"
          : "the bearer token is not valid").header("WWW-Authenticate", "Bearer");
    }
    if (origin != null && !originAllowed(origin, host)) {
      return Problem.of(403, "requests from origin " + origin + " may not change anything here");
    }
    if (origin == null && referer != null && !originAllowed(originOf(referer), host)) {
      return Problem.of(403, "requests from a page on another origin (Referer " + referer
          + ") may not change anything here");
    }
    if (token == null) {
      InetAddress a = IpAddresses.parse(client);
      if (a == null || !IpAddresses.isPrivate(a)) {
        return Problem.of(403, "changes are accepted only from the local network unless an API token is set");
      }
    }
    return null;
  }

  private boolean validBearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return token.matches(authorization.substring(7).trim());
  }

  /** Whether a browser origin may read cross-origin responses (CORS) or mutate. */
  boolean originAllowed(String origin, String host) {
    String o = normalizeOrigin(origin);
    if (anyOrigin || corsOrigins.contains(o)) {
      return true;
    }
    int scheme = o.indexOf("://");
    return host != null && scheme > 0 && o.substring(scheme + 3).equals(host.toLowerCase(Locale.ROOT));
  }

  /**
   * The origin ({@code scheme://host[:port]}) of a {@code Referer} URL; {@code "null"} (an opaque
   * origin, allowed only by {@code *}) when it is not an absolute http(s) URL.
   */
  static String originOf(String referer) {
    try {
      URI uri = new URI(referer.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return "null";
      }
      return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (URISyntaxException e) {
      return "null";
    }
  }

  boolean corsListed(String origin) {
    return anyOrigin || corsOrigins.contains(normalizeOrigin(origin));
  }

  private static String normalizeOrigin(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
