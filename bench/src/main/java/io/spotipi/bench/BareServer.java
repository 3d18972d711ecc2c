package io.spotipi.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline of the GET figure: one bare Vert.x {@code HttpServer} on one event loop (as SpotiPi's
 * one API verticle) answering every request with the bytes and headers SpotiPi sent for
 * {@code GET /api/config}, so the two differ only in what SpotiPi does per request. It runs on the
 * network transport SpotiPi logged that it runs on.
 *
 * <p>Usage: {@code BareServer PORT BODY_FILE ETAG io_uring|epoll|nio}; binds 127.0.0.1 and runs until
 * killed.
 */
public final class BareServer {
  private BareServer() {
  }

  public static void main(String[] args) throws Exception {
    Transport transport = args.length != 4 ? null : switch (args[3]) {
      case "io_uring" -> Transport.IO_URING;
      case "epoll" -> Transport.EPOLL;
      case "nio" -> Transport.NIO;
      default -> null;
    };
    if (transport == null) {
      System.err.println("usage: BareServer PORT BODY_FILE ETAG io_uring|epoll|nio");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    MultiMap headers = HttpHeaders.headers()
        .add("X-Content-Type-Options", "nosniff")
        .add("X-Frame-Options", "DENY")
        .add("Referrer-Policy", "no-referrer")
        .add(HttpHeaders.CACHE_CONTROL, "no-store")
        .add(HttpHeaders.ETAG, args[2])
        .add(HttpHeaders.CONTENT_TYPE, "application/json");
    // As SpotiPi's NetworkTransport sets it: an idle io_uring wait is not I/O wait (Linux 6.15+).
    System.setProperty("io.netty.iouring.enterNoIoWaitEnabled", "true");
    Vertx vertx = Vertx.builder().withTransport(transport).build();
    System.out.println("bare server transport: " + (transport.available() ? transport.name() : "nio"));
    vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(req -> {
          req.response().headers().addAll(headers);
          req.response().end(body.slice());
        })
        .listen()
        .onSuccess(s -> System.out.println("bare server ready on http://127.0.0.1:" + s.actualPort()))
        .onFailure(err -> {
          System.err.println("bare server failed: " + err.getMessage());
          System.exit(1);
        });
  }
}
