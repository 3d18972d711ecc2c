package io.spotipi.api;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * The web app: its pages (each is {@code index.html}; the app's own router shows the screen) and its
 * assets under {@code /assets/<hash>/}. Assets are immutable for a year, the page is revalidated, both
 * are sent gzip-compressed when the client takes it (compressed once at start, {@link WebAssets}), and
 * the page carries a Content-Security-Policy that allows nothing inline and nothing from elsewhere
 * but Spotify's cover images.
 */
final class WebAppHandler {
  /** The paths of the app's screens; keep equal to the app's {@code lib/router.js}. */
  static final List<String> PAGES = List.of("/", "/alarm", "/settings", "/system");
  /** Route of the assets; the version hash is the first segment after it. */
  static final String ASSETS_ROUTE = "/" + WebAssets.ASSETS_DIR + "*";

  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      // covers: Spotify serves them from subdomains of both (i.scdn.co, mosaic.scdn.co,
      // image-cdn-ak.spotifycdn.com, image-cdn-fa.spotifycdn.com, and more for its generated playlists)
      "img-src 'self' data: https://*.scdn.co https://*.spotifycdn.com",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");
  private static final CharSequence CSP_HEADER = HttpHeaders.createOptimized("Content-Security-Policy");
  private static final CharSequence CSP = HttpHeaders.createOptimized(CONTENT_SECURITY_POLICY);
  private static final CharSequence IMMUTABLE = HttpHeaders.createOptimized("public, max-age=31536000, immutable");
  private static final CharSequence REVALIDATE = HttpHeaders.createOptimized("no-cache");
  private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

  private final WebAssets assets;

  WebAppHandler(WebAssets assets) {
    this.assets = assets;
  }

  /** GET or HEAD of one of {@link #PAGES}. */
  void page(RoutingContext rc) {
    HttpServerResponse resp = rc.response();
    resp.headers().set(CSP_HEADER, CSP);
    send(rc.request(), assets.index(), REVALIDATE);
  }

  /** GET or HEAD below {@code /assets/}: 404 for another version's hash or a file it does not have. */
  void asset(RoutingContext rc) {
    String prefix = assets.prefix();
    String path = rc.request().path();
    WebAssets.Asset asset = path.startsWith(prefix) ? assets.asset(path.substring(prefix.length())) : null;
    if (asset == null) {
      rc.fail(Problem.of(404, "this version of the web app has no " + path));
      return;
    }
    send(rc.request(), asset, IMMUTABLE);
  }

  /** The gzip form when the client takes it, 304 when its copy is current; HEAD gets the headers only. */
  private static void send(HttpServerRequest req, WebAssets.Asset asset, CharSequence cacheControl) {
    boolean gzip = asset.gzip() != null && acceptsGzip(req.getHeader(HttpHeaders.ACCEPT_ENCODING));
    String etag = gzip ? asset.gzipEtag() : asset.etag();
    HttpServerResponse resp = req.response();
    MultiMap h = resp.headers();
    // replaces the API's no-store: these are versioned files, not live state
    h.set(HttpHeaders.CACHE_CONTROL, cacheControl).set(HttpHeaders.ETAG, etag);
    if (asset.gzip() != null) {
      h.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }
    if (Preconditions.noneMatchHits(req.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      resp.setStatusCode(304).end();
      return;
    }
    h.set(HttpHeaders.CONTENT_TYPE, asset.contentType());
    if (gzip) {
      h.set(HttpHeaders.CONTENT_ENCODING, GZIP);
    }
    resp.end(gzip ? asset.gzip() : asset.identity());
  }

  /**
   * Whether an {@code Accept-Encoding} header admits gzip: listed (or {@code *}) without {@code q=0}.
   * No header means any encoding is acceptable (RFC 9110), but clients that take gzip say so, and an
   * unlabelled old client is safer served plain.
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    boolean star = false;
    for (String part : acceptEncoding.split(",")) {
      String[] fields = part.split(";");
      String coding = fields[0].trim().toLowerCase(Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < fields.length; i++) {
        String param = fields[i].trim().toLowerCase(Locale.ROOT);
        if (param.startsWith("q=")) {
          refused = zeroQuality(param.substring(2).trim());
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return !refused;
      }
      if (coding.equals("*")) {
        star = !refused;
      }
    }
    return star;
  }

  /** {@code 0}, {@code 0.0}, {@code 0.000}; a malformed weight counts as not zero. */
  private static boolean zeroQuality(String q) {
    return q.matches("0(\\.0{0,3})?");
  }
}
