package io.spotipi.api;

import io.spotipi.shared.testing.Await;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A watcher of {@code /api/config/events} that keeps the raw stream and parses the events in it. */
final class SseClient implements AutoCloseable {
  private final HttpClient http;
  final HttpClientResponse response;
  private final StringBuffer text;

  private SseClient(HttpClient http, HttpClientResponse response, StringBuffer text) {
    this.http = http;
    this.response = response;
    this.text = text;
  }

  static SseClient connect(ApiServer api, Long lastEventId) {
    HttpClient http = api.vertx.createHttpClient();
    StringBuffer text = new StringBuffer();
    HttpClientResponse r = Await.result(http.request(HttpMethod.GET, api.port, "127.0.0.1", "/api/config/events")
        .compose(req -> {
          if (lastEventId != null) {
            req.putHeader("Last-Event-ID", lastEventId.toString());
          }
          return req.send();
        })
        // on the event loop, before any chunk can be delivered and lost
        .onSuccess(resp -> resp.handler(b -> text.append(b.toString()))));
    return new SseClient(http, r, text);
  }

  String raw() {
    return text.toString();
  }

  /** The events received so far: their ids and data, and the name of a named one ({@code event}). */
  List<JsonObject> events() {
    List<JsonObject> out = new ArrayList<>();
    for (String block : raw().split("\n\n")) {
      Long id = null;
      String name = null;
      JsonObject data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("id: ")) {
          id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = new JsonObject(line.substring(6));
        }
      }
      if (data != null) {
        out.add(new JsonObject().put("id", id).put("event", name).put("data", data));
      }
    }
    return out;
  }

  void awaitEvents(int n) {
    await(() -> events().size() >= n, "expected " + n + " events");
  }

  void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + ApiServer.TIMEOUT_S * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(what + "; stream so far: " + raw());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    }
  }

  @Override
  public void close() {
    Await.result(http.close());
  }
}
