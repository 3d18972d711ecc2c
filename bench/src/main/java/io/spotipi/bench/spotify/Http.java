package io.spotipi.bench.spotify;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A blocking (and a concurrent) HTTP/1.1 client of one base URL, keeping its connections alive. */
final class Http {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  /** A status and its body. */
  record Answer(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(request("GET", path, null, null));
  }

  Answer post(String path) throws IOException, InterruptedException {
    return send(request("POST", path, null, null));
  }

  Answer putJson(String path, JsonObject body) throws IOException, InterruptedException {
    return send(request("PUT", path, body.encode(), null));
  }

  /** A request with a bearer token and a JSON body (which may be null). */
  HttpRequest request(String method, String path, String body, String bearer) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b.build();
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /** {@code n} GETs of {@code path} sent at once; their statuses once all have answered. */
  List<Integer> concurrentGets(String path, int n) {
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(client.sendAsync(request("GET", path, null, null), HttpResponse.BodyHandlers.ofString()));
    }
    return sent.stream().map(f -> f.join().statusCode()).toList();
  }
}
