package io.spotipi.player.client;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spotify's Web API with the process's access token. Every request runs on the caller's event loop
 * with a timeout; a 401 drops the token, and the request is sent once more with a fresh one. Player
 * commands always name the device: that wakes an idle one, and leaving it out is what earns
 * {@code NO_ACTIVE_DEVICE}.
 */
public class SpotifyClient {
  private static final String PLAYER = "/v1/me/player";

  private final WebClient web;
  private final String apiUrl;
  private final long timeoutMs;
  private final AccessTokens tokens;

  public SpotifyClient(WebClient web, String apiUrl, Duration timeout, AccessTokens tokens) {
    this.web = web;
    this.apiUrl = AccountsClient.trimSlash(apiUrl);
    this.timeoutMs = timeout.toMillis();
    this.tokens = tokens;
  }

  // ---- the player --------------------------------------------------------------------------------

  public Future<List<Device>> devices() {
    return call(HttpMethod.GET, PLAYER + "/devices", Map.of(), null).map(response -> {
      JsonArray list = Responses.json("GET " + PLAYER + "/devices", response).getJsonArray("devices", new JsonArray());
      List<Device> devices = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        devices.add(Device.fromJson(list.getJsonObject(i)));
      }
      return devices;
    });
  }

  /** What plays where; empty when nothing plays (Spotify's 204). */
  public Future<Optional<PlaybackState>> playback() {
    return player().map(state -> state.map(PlaybackState::fromJson));
  }

  /** {@code GET /v1/me/player} as Spotify answers it (with the item's details); empty on a 204. */
  public Future<Optional<JsonObject>> player() {
    return call(HttpMethod.GET, PLAYER, Map.of(), null).map(response -> response.statusCode() == 204
        ? Optional.empty() : Optional.of(Responses.json("GET " + PLAYER, response)));
  }

  /** Moves playback to the device; {@code play} false leaves it paused there. */
  public Future<Void> transfer(String deviceId, boolean play) {
    JsonObject body = new JsonObject().put("device_ids", new JsonArray().add(deviceId)).put("play", play);
    return call(HttpMethod.PUT, PLAYER, Map.of(), body).mapEmpty();
  }

  public Future<Void> play(String deviceId, PlayRequest request) {
    return command(HttpMethod.PUT, "/play", Map.of("device_id", deviceId), request.body());
  }

  public Future<Void> volume(String deviceId, int percent) {
    return command(HttpMethod.PUT, "/volume", Map.of("volume_percent", String.valueOf(percent), "device_id", deviceId),
        null);
  }

  public Future<Void> shuffle(String deviceId, boolean on) {
    return command(HttpMethod.PUT, "/shuffle", Map.of("state", String.valueOf(on), "device_id", deviceId), null);
  }

  public Future<Void> pause(String deviceId) {
    return command(HttpMethod.PUT, "/pause", Map.of("device_id", deviceId), null);
  }

  public Future<Void> next(String deviceId) {
    return command(HttpMethod.POST, "/next", Map.of("device_id", deviceId), null);
  }

  public Future<Void> previous(String deviceId) {
    return command(HttpMethod.POST, "/previous", Map.of("device_id", deviceId), null);
  }

  /** How many tracks an album or playlist holds, for a random start position. */
  public Future<Integer> trackCount(SpotifyUri uri) {
    if (!uri.takesOffset()) {
      return Future.failedFuture(new IllegalArgumentException("only albums and playlists have a track count"));
    }
    String path = "/v1/" + uri.type() + "s/" + uri.id();
    return get(path, Map.of()).map(json -> {
      Integer total = Shapes.trackTotal(json);
      if (total == null) {
        throw new SpotifyException("GET " + path, SpotifyError.http(200, null, "the answer holds no track total", null));
      }
      return total;
    });
  }

  // ---- generic reads (library, search) -----------------------------------------------------------

  /** A JSON object from a Web API path such as {@code /v1/me/playlists}. */
  public Future<JsonObject> get(String path, Map<String, String> query) {
    return call(HttpMethod.GET, path, query, null).map(response -> Responses.json("GET " + path, response));
  }

  /**
   * The items of a paged list, following {@code next} until {@code maxItems} are read or the list ends.
   * Pages nested in one field ({@code /me/following}'s {@code artists}) are read the same way. A
   * {@code next} that points anywhere but the configured API is not followed: the token goes nowhere else.
   */
  public Future<List<JsonObject>> getAll(String path, Map<String, String> query, int maxItems) {
    return get(path, query).compose(first -> collect(path, first, new ArrayList<>(), maxItems));
  }

  private Future<List<JsonObject>> collect(String path, JsonObject page, List<JsonObject> into, int maxItems) {
    JsonObject items = Shapes.page(page);
    JsonArray list = items.getJsonArray("items", new JsonArray());
    for (int i = 0; i < list.size() && into.size() < maxItems; i++) {
      into.add(list.getJsonObject(i));
    }
    String next = items.getString("next");
    if (into.size() >= maxItems || list.isEmpty() || next == null || !next.startsWith(apiUrl + "/")) {
      return Future.succeededFuture(into);
    }
    return callUrl(HttpMethod.GET, "GET " + path, next, Map.of(), null)
        .map(response -> Responses.json("GET " + path, response))
        .compose(nextPage -> collect(path, nextPage, into, maxItems));
  }

  // ---- requests ----------------------------------------------------------------------------------

  private Future<Void> command(HttpMethod method, String path, Map<String, String> query, JsonObject body) {
    return call(method, PLAYER + path, query, body).mapEmpty();
  }

  private Future<HttpResponse<Buffer>> call(HttpMethod method, String path, Map<String, String> query,
      JsonObject body) {
    return callUrl(method, method + " " + path, apiUrl + path, query, body);
  }

  private Future<HttpResponse<Buffer>> callUrl(HttpMethod method, String operation, String url,
      Map<String, String> query, JsonObject body) {
    return tokens.accessToken().compose(token -> send(method, operation, url, query, body, token).recover(err -> {
      if (!(err instanceof SpotifyException e && e.error().isStatus(401))) {
        return Future.failedFuture(err);
      }
      tokens.rejected(token);
      return tokens.accessToken().compose(fresh -> send(method, operation, url, query, body, fresh));
    }));
  }

  private Future<HttpResponse<Buffer>> send(HttpMethod method, String operation, String url, Map<String, String> query,
      JsonObject body, String token) {
    HttpRequest<Buffer> req = web.requestAbs(method, url).timeout(timeoutMs).bearerTokenAuthentication(token);
    query.forEach(req::addQueryParam);
    // A PUT or POST without a body still says Content-Length: 0, or Spotify answers 411.
    Future<HttpResponse<Buffer>> sent = body != null ? req.sendJsonObject(body)
        : method == HttpMethod.GET ? req.send() : req.sendBuffer(Buffer.buffer());
    return Responses.checked(operation, sent);
  }
}
