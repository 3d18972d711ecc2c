package io.spotipi.app.web;

import io.spotipi.shared.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.List;

/**
 * Spotify's image hosts, for the browser. The fake Spotify names its covers on them as Spotify does
 * ({@code https://i.scdn.co/image/...}, playlists on {@code https://image-cdn-ak.spotifycdn.com/...}),
 * so the page loads them under its own Content-Security-Policy. Chromium resolves both domains to this
 * HTTPS server on loopback ({@link #chromiumArguments()}: a host rule, and the self-signed certificate
 * accepted); it answers every path with a cover drawn from the path. The tests run offline.
 */
final class SpotifyImages {
  private static final List<String> DOMAINS = List.of("*.scdn.co", "*.spotifycdn.com");

  private final HttpServer server;

  private SpotifyImages(Vertx vertx) {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("i.scdn.co");
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
        .setKeyCertOptions(certificate.keyCertOptions()));
    server.requestHandler(req -> req.response().putHeader("Content-Type", "image/svg+xml")
        .putHeader("Cache-Control", "max-age=3600").end(cover(req.path())));
  }

  static SpotifyImages start(Vertx vertx) {
    SpotifyImages images = new SpotifyImages(vertx);
    Await.result(images.server.listen());
    return images;
  }

  List<String> chromiumArguments() {
    String port = String.valueOf(server.actualPort());
    return List.of("--host-resolver-rules=" + String.join(", ",
        DOMAINS.stream().map(d -> "MAP " + d + " 127.0.0.1:" + port).toList()), "--ignore-certificate-errors");
  }

  /** A square in a colour of the path's own, with a lighter disc: tells covers apart in a screenshot. */
  private static String cover(String path) {
    int mixed = path.hashCode() * 0x9E3779B9; // similar paths, far apart colours
    int hue = Math.floorMod(mixed ^ (mixed >>> 16), 360);
    return "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='300' viewBox='0 0 10 10'>"
        + "<rect width='10' height='10' fill='hsl(" + hue + ",50%,42%)'/>"
        + "<circle cx='5' cy='5' r='3' fill='hsl(" + (hue + 40) % 360 + ",60%,70%)'/>"
        + "<circle cx='5' cy='5' r='0.6' fill='hsl(" + hue + ",50%,20%)'/></svg>";
  }
}
