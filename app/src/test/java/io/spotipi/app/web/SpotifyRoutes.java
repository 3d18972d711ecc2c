package io.spotipi.app.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.Base64;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;

/**
 * The Spotify-backed routes of issues 21 and 22 (status, credentials, connect flow, devices, playback,
 * library, sleep), answered inside the browser with the shapes their contract gives, while this server
 * does not serve them yet; everything else reaches the real stack. It keeps what the page sent, so a
 * test sees what the page would ask of the player. Covers come from i.scdn.co, as Spotify's do, and are
 * answered here too (the tests run offline). It pauses only requests to those routes, through the
 * DevTools protocol's {@code Fetch} domain at the request stage (so the event stream flows untouched),
 * with plain protocol messages that do not depend on the browser's version.
 */
final class SpotifyRoutes implements AutoCloseable {
  static final String STATE = "state-1";
  private static final Pattern ARTIST_ALBUMS = Pattern.compile("/api/library/artists/([^/]+)/albums");
  private static final List<String> PATTERNS = List.of("*/api/spotify/*", "*/api/devices*", "*/api/playback*",
      "*/api/library/*", "*/api/sleep*", "https://i.scdn.co/*");

  /** What the page sent: method, path with query, body. */
  record Sent(String method, String path, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  volatile JsonObject status = status("not_configured", null);
  volatile JsonArray devices = new JsonArray().add(device("Kitchen", false)).add(device("Bedroom", true));
  volatile JsonObject playback;
  volatile JsonObject sleep = new JsonObject().put("active", false).putNull("ends_at").putNull("uri").putNull("device");
  /** Answers for a path (without query) instead of the contract's success: {status, body, retry_after?}. */
  final Map<String, JsonObject> failures = new ConcurrentHashMap<>();
  private final DevTools devTools;

  /** An answer: status, content type, body. */
  private record Answer(int status, String type, String body, String retryAfter) {
    Answer(int status, String body) {
      this(status, "application/json", body, null);
    }
  }

  SpotifyRoutes(ChromeDriver driver) {
    devTools = driver.getDevTools();
    devTools.createSessionIfThereIsNotOne();
    devTools.addListener(new Event<>("Fetch.requestPaused", in -> new JsonObject(in.<Map<String, Object>>read(Map.class))),
        this::paused);
    devTools.send(new Command<>("Fetch.enable", Map.of("patterns", PATTERNS.stream()
        .map(p -> Map.of("urlPattern", p, "requestStage", "Request")).toList())));
  }

  private void paused(JsonObject event) {
    JsonObject request = event.getJsonObject("request");
    Answer a = execute(request.getString("method"), URI.create(request.getString("url")), request.getString("postData", ""));
    JsonArray headers = new JsonArray().add(header("Content-Type", a.type())).add(header("Cache-Control", "no-store"));
    if (a.retryAfter() != null) {
      headers.add(header("Retry-After", a.retryAfter()));
    }
    devTools.send(new Command<>("Fetch.fulfillRequest", Map.of("requestId", event.getString("requestId"),
        "responseCode", a.status(), "responseHeaders", headers.getList(),
        "body", Base64.getEncoder().encodeToString(a.body().getBytes(StandardCharsets.UTF_8)))));
  }

  private static Map<String, String> header(String name, String value) {
    return Map.of("name", name, "value", value);
  }

  static JsonObject status(String state, String lastError) {
    boolean connected = state.equals("connected");
    return new JsonObject().put("state", state).put("connected", connected)
        .put("authorized_at", connected ? "2026-11-30T20:15:00Z" : null)
        .put("token", new JsonObject().put("valid_for_seconds", connected ? 3120 : 0).put("refreshes_total", 3)
            .put("requests_total", 412).put("cache_hit_rate", 0.9927))
        .put("last_error", lastError);
  }

  static JsonObject device(String name, boolean active) {
    return new JsonObject().put("id", "id-" + name.toLowerCase()).put("name", name).put("type", "Speaker")
        .put("is_active", active).put("volume_percent", 40).put("supports_volume", true);
  }

  /** A URI with a Spotify-shaped id (22 characters) that starts with {@code id}. */
  static String uri(String kind, String id) {
    return "spotify:" + kind + ":" + id + "0".repeat(22 - id.length());
  }

  static JsonObject item(String kind, String id, String name, String subtitle) {
    return new JsonObject().put("uri", uri(kind, id)).put("name", name).put("subtitle", subtitle)
        .put("image_url", "https://i.scdn.co/image/" + id);
  }

  static JsonObject playing(String name, String artist, boolean isPlaying) {
    return new JsonObject().put("device", new JsonObject().put("id", "id-bedroom").put("name", "Bedroom")
        .put("volume_percent", 40)).put("is_playing", isPlaying).put("shuffle", false).put("progress_ms", 61000)
        .put("item", new JsonObject().put("uri", uri("track", "t1")).put("name", name).put("artists", new JsonArray().add(artist))
            .put("album", "Mornings").put("image_url", "https://i.scdn.co/image/t1").put("duration_ms", 215000));
  }

  /** The requests the page sent to a path (without query), oldest first. */
  List<Sent> sentTo(String method, String path) {
    return sent.stream().filter(s -> s.method().equals(method) && s.path().split("\\?")[0].equals(path)).toList();
  }

  private Answer execute(String method, URI uri, String body) {
    if ("i.scdn.co".equals(uri.getHost())) {
      return cover(uri.getPath());
    }
    sent.add(new Sent(method, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), body));
    JsonObject failure = failures.get(uri.getPath());
    if (failure != null) {
      return new Answer(failure.getInteger("status"), "application/problem+json", failure.getJsonObject("body").encode(),
          failure.getString("retry_after"));
    }
    return answer(method, uri.getPath(), query(uri), body);
  }

  private Answer answer(String method, String path, Map<String, String> query, String body) {
    switch (method + " " + path) {
      case "GET /api/spotify/status":
        return new Answer(200, status.encode());
      case "PUT /api/spotify/credentials":
        status = status(new JsonObject(body).containsKey("refresh_token") ? "connected" : "not_configured", null);
        return new Answer(200, status.encode());
      case "DELETE /api/spotify/credentials":
        status = status("not_configured", null);
        return new Answer(204, "");
      case "POST /api/spotify/authorize":
        return new Answer(200, new JsonObject().put("authorize_url", "https://accounts.spotify.com/authorize?state=" + STATE)
            .put("state", STATE).encode());
      case "POST /api/spotify/callback":
        return callback(new JsonObject(body).getString("url"));
      case "GET /api/devices":
        return new Answer(200, devices.encode());
      case "GET /api/playback":
        return playback == null ? new Answer(204, "") : new Answer(200, playback.encode());
      case "GET /api/sleep":
        return new Answer(200, sleep.encode());
      case "POST /api/sleep":
        sleep = new JsonObject().put("active", true).put("ends_at", java.time.Instant.now()
            .plusSeconds(60L * new JsonObject(body).getInteger("minutes")).toString())
            .put("uri", new JsonObject(body).getString("uri")).put("device", "Bedroom");
        return new Answer(200, new JsonObject().put("active", true).put("ends_at", sleep.getString("ends_at")).encode());
      case "DELETE /api/sleep":
        sleep = new JsonObject().put("active", false).putNull("ends_at").putNull("uri").putNull("device");
        return new Answer(204, "");
      default:
        return path.startsWith("/api/playback/") ? new Answer(204, "") : library(path, query);
    }
  }

  private Answer callback(String url) {
    Map<String, String> q = query(URI.create(url));
    if (!STATE.equals(q.get("state")) || q.get("code") == null) {
      return new Answer(400, "application/problem+json", new JsonObject().put("title", "Bad Request").put("status", 400)
          .put("detail", "the state does not match an authorization in progress").encode(), null);
    }
    status = status("connected", null);
    return new Answer(200, status.encode());
  }

  private static Answer library(String path, Map<String, String> query) {
    Matcher artist = ARTIST_ALBUMS.matcher(path);
    JsonArray items;
    if (artist.matches()) {
      items = new JsonArray().add(item("album", "a" + artist.group(1).substring(0, 4), "Greatest Hits", "Nils Frahm"));
    } else if (path.equals("/api/library/search")) {
      String q = query.getOrDefault("q", "");
      items = new JsonArray().add(item(query.get("type"), "s1", "Found: " + q, "Search"));
    } else if (path.equals("/api/library/playlists")) {
      items = new JsonArray(IntStream.rangeClosed(1, 60).mapToObj(i -> item("playlist", "p" + i, i == 7 ? "Wake Up Gently" : "Playlist " + i,
          "Anna").put("track_count", 10 + i)).toList());
    } else if (path.equals("/api/library/artists")) {
      items = new JsonArray().add(item("artist", "nils", "Nils Frahm", "Artist"));
    } else {
      items = new JsonArray().add(item("track", "t1", "Says", "Nils Frahm"));
    }
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
    int end = Math.min(items.size(), offset + limit);
    return new Answer(200, new JsonObject().put("items", new JsonArray(items.getList().subList(Math.min(offset, end), end)))
        .put("total", items.size()).put("next_offset", end < items.size() ? end : null).encode());
  }

  private static Answer cover(String path) {
    int hue = Math.floorMod(path.hashCode(), 360);
    String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='hsl("
        + hue + ",55%,45%)'/><circle cx='5' cy='5' r='2.5' fill='hsl(" + hue + ",60%,75%)'/></svg>";
    return new Answer(200, "image/svg+xml", svg, null);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new ConcurrentHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return q;
  }

  @Override
  public void close() {
    devTools.send(new Command<>("Fetch.disable", Map.of()));
    devTools.clearListeners();
  }
}
