package io.spotipi.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a form's body whole, as bytes, at most {@link RequestBody#LIMIT_BYTES} (413 beyond), for
 * {@link FormBody} to decode. Vert.x's {@code BodyHandler} hands every form to Netty's decoder, which
 * keeps no bytes of a multipart body and is lenient where SpotiPi must not be; the JSON routes keep
 * {@code BodyHandler}, which never sees a form there (their media type is checked first).
 */
final class RawBodyHandler implements Handler<RoutingContext> {
  static final RawBodyHandler INSTANCE = new RawBodyHandler();
  private static final String BODY = "spotipi.rawBody";

  private RawBodyHandler() {
  }

  /** The body the handler read for this request. */
  static Buffer body(RoutingContext rc) {
    return rc.get(BODY);
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      if (length != null && Long.parseLong(length.trim()) > RequestBody.LIMIT_BYTES) {
        rc.fail(413);
        return;
      }
    } catch (NumberFormatException e) {
      rc.fail(Problem.of(400, "Content-Length is not a number"));
      return;
    }
    if (req.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
      req.response().writeContinue();
    }
    Buffer body = Buffer.buffer();
    boolean[] failed = {false};
    req.handler(chunk -> {
      if (!failed[0] && body.length() + chunk.length() > RequestBody.LIMIT_BYTES) {
        failed[0] = true;
        rc.fail(413);
      } else if (!failed[0]) {
        body.appendBuffer(chunk);
      }
    });
    req.exceptionHandler(err -> {
      if (!failed[0]) {
        failed[0] = true;
        rc.fail(Problem.of(400, "the request body could not be read: " + err.getMessage()));
      }
    });
    req.endHandler(v -> {
      if (!failed[0]) {
        rc.put(BODY, body);
        rc.next();
      }
    });
    req.resume();
  }
}
