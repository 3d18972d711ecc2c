package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.DevicesRequest;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/spotify/*} and {@code /api/devices} over real HTTP and the real event bus, against a real
 * config owner and a {@link ScriptedPlayer} on the player's addresses: the routes, the failure mapping,
 * and every bad input answered 4xx with nothing reaching the player.
 */
class SpotifyRoutesTest {
  private static final String SECRET = "3f0c9e1b2a7d4c5e8f9a0b1c2d3e4f5a";
  private static final String ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  private static final Set<String> STATUS_FIELDS = Set.of("state", "connected", "authorized_at", "token", "last_error");

  @RegisterExtension
  static final ScriptedPlayerApi RIG = new ScriptedPlayerApi();

  ApiServer api;
  ScriptedPlayer player;

  @BeforeEach
  void fixture() {
    api = RIG.api;
    player = RIG.player;
  }

  private HttpResponse<Buffer> json(HttpMethod method, String path, String body) {
    return api.json(method, path, body);
  }

  // ---- status and credentials --------------------------------------------------------------------

  @Test
  void theStatusIsThePlayersWithEveryFieldAndNoSecret() {
    HttpResponse<Buffer> r = api.get("/api/spotify/status");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("application/json", r.getHeader("Content-Type"));
    JsonObject status = r.bodyAsJsonObject();
    assertEquals(STATUS_FIELDS, status.fieldNames());
    assertEquals("not_configured", status.getString("state"));
    assertEquals(Set.of("valid_for_seconds", "refreshes_total", "requests_total", "cache_hit_rate"),
        status.getJsonObject("token").fieldNames());
  }

  @Test
  void credentialsAreStoredTrimmedAnsweredWithTheStatusAndDeleted() {
    HttpResponse<Buffer> r = json(HttpMethod.PUT, "/api/spotify/credentials",
        "{\"client_id\":\" " + ID + "\\n\",\"client_secret\":\"" + SECRET + "\",\"refresh_token\":\"AQB-r3fr3sh\"}");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(STATUS_FIELDS, r.bodyAsJsonObject().fieldNames());
    assertEquals("connected", r.bodyAsJsonObject().getString("state"));
    assertFalse(r.bodyAsString().contains(SECRET) || r.bodyAsString().contains("r3fr3sh"), "no secret in the answer");
    assertEquals(List.of(new SpotifyCredentialsRequest(ID, SECRET, "AQB-r3fr3sh")),
        received(Addresses.SPOTIFY_CREDENTIALS_PUT, SpotifyCredentialsRequest.class));

    assertEquals(200, json(HttpMethod.PUT, "/api/spotify/credentials",
        "{\"client_id\":\"" + ID + "\",\"client_secret\":\"" + SECRET + "\",\"refresh_token\":null}").statusCode());
    assertNull(received(Addresses.SPOTIFY_CREDENTIALS_PUT, SpotifyCredentialsRequest.class).get(1).refreshToken());

    HttpResponse<Buffer> deleted = api.send(api.request(HttpMethod.DELETE, "/api/spotify/credentials"));
    assertEquals(204, deleted.statusCode());
    assertNull(deleted.body());
    assertEquals(1, player.received(Addresses.SPOTIFY_CREDENTIALS_DELETE).size());
    assertEquals("not_configured", api.get("/api/spotify/status").bodyAsJsonObject().getString("state"));
  }

  @Test
  void badCredentialsAre4xxNameTheFieldNeverEchoASecretAndReachNoPlayer() {
    String id = "\"client_id\":\"" + ID + "\"";
    String secret = "\"client_secret\":\"" + SECRET + "\"";
    record Case(String body, String field) {
    }
    for (Case c : List.of(
        new Case("{" + id + "}", "client_secret"),
        new Case("{" + secret + "}", "client_id"),
        new Case("{" + id + ",\"client_secret\":null}", "client_secret"),
        new Case("{" + id + ",\"client_secret\":\"   \"}", "client_secret"),
        new Case("{" + id + ",\"client_secret\":42}", "client_secret"),
        new Case("{" + id + ",\"client_secret\":[\"" + SECRET + "\"]}", "client_secret"),
        new Case("{" + id + ",\"client_secret\":\"" + SECRET + " x\"}", "client_secret"),
        new Case("{" + id + ",\"client_secret\":\"" + "s".repeat(257) + "\"}", "client_secret"),
        new Case("{" + id + "," + secret + ",\"refresh_token\":\"\"}", "refresh_token"),
        new Case("{" + id + "," + secret + ",\"refresh_token\":\"tab\\tinside\"}", "refresh_token"),
        new Case("{" + id + "," + secret + ",\"username\":\"me\"}", "username"))) {
      JsonObject p = assertProblem(json(HttpMethod.PUT, "/api/spotify/credentials", c.body()), 422);
      assertEquals(c.field(), p.getJsonArray("errors").getJsonObject(0).getString("field"), p.encode());
      assertFalse(p.encode().contains(SECRET), "the secret echoed: " + p.encode());
    }
    for (String malformed : List.of("{" + id + ",\"client_secret\": " + SECRET + "}", "{" + id + ",\"client_secret\":\""
        + SECRET, "[\"" + SECRET + "\"]", "\"" + SECRET + "\"", "")) {
      JsonObject p = assertProblem(json(HttpMethod.PUT, "/api/spotify/credentials", malformed), 400);
      assertFalse(p.encode().contains(SECRET) || p.encode().contains("3f0c9e"), "the body echoed: " + p.encode());
    }
    assertProblem(api.send(api.request(HttpMethod.PUT, "/api/spotify/credentials"), "text/plain",
        "{" + id + "," + secret + "}"), 415);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/spotify/credentials"), "application/json",
        "{" + id + "," + secret + "}"), 405);
    assertEquals(List.of(), player.received(Addresses.SPOTIFY_CREDENTIALS_PUT));
  }

  // ---- connecting --------------------------------------------------------------------------------

  @Test
  void authorizeAnswersTheUrlAndStateAndTheCallbackWithItConnectsOnce() {
    for (String redirect : List.of("http://127.0.0.1:5001/api/spotify/callback", "http://[::1]/cb",
        "https://spotipi.example/api/spotify/callback")) {
      HttpResponse<Buffer> r = json(HttpMethod.POST, "/api/spotify/authorize", "{\"redirect_uri\":\"" + redirect + "\"}");
      assertEquals(200, r.statusCode(), r.bodyAsString());
      assertEquals(Set.of("authorize_url", "state"), r.bodyAsJsonObject().fieldNames());
    }
    String state = authorize();
    HttpResponse<Buffer> r = json(HttpMethod.POST, "/api/spotify/callback",
        new JsonObject().put("code", "AQDcode").put("state", state).encode());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("connected", r.bodyAsJsonObject().getString("state"));
    assertEquals(STATUS_FIELDS, r.bodyAsJsonObject().fieldNames());

    JsonObject reused = assertProblem(json(HttpMethod.POST, "/api/spotify/callback",
        new JsonObject().put("code", "AQDcode").put("state", state).encode()), 400);
    assertTrue(reused.getString("detail").contains("state"), reused.encode());
    assertProblem(json(HttpMethod.POST, "/api/spotify/callback",
        new JsonObject().put("code", "AQDcode").put("state", "forged").encode()), 400);
  }

  @Test
  void thePastedAddressConnectsAndADeclinedOneIsA400ThatReachesNoPlayer() {
    String state = authorize();
    String landed = "http://127.0.0.1:5001/api/spotify/callback?code=AQDcode&state=" + state;
    HttpResponse<Buffer> r = json(HttpMethod.POST, "/api/spotify/callback", new JsonObject().put("url", landed).encode());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(List.of(new CallbackRequest(landed, null, null)),
        received(Addresses.SPOTIFY_CALLBACK, CallbackRequest.class));

    JsonObject declined = assertProblem(json(HttpMethod.POST, "/api/spotify/callback", new JsonObject()
        .put("url", "http://127.0.0.1:5001/api/spotify/callback?error=access_denied&state=" + authorize()).encode()), 400);
    assertTrue(declined.getString("detail").contains("declined"), declined.encode());
    assertEquals(1, player.received(Addresses.SPOTIFY_CALLBACK).size());
  }

  @Test
  void aCallbackOfTheWrongShapeIs4xxAndReachesNoPlayer() {
    String landed = "http://127.0.0.1:5001/cb?code=c&state=s";
    for (String body : List.of("{}", "{\"code\":\"c\"}", "{\"state\":\"s\"}",
        "{\"url\":\"" + landed + "\",\"code\":\"c\",\"state\":\"s\"}", "{\"url\":\"" + landed + "\",\"state\":\"s\"}",
        "{\"code\":\"c\",\"state\":\"s\",\"extra\":1}", "{\"code\":7,\"state\":\"s\"}", "{\"url\":\"not a url\"}",
        "{\"url\":\"http://127.0.0.1:5001/cb\"}", "{\"url\":\"http://127.0.0.1:5001/cb?code=c\"}",
        "{\"url\":\"/cb?code=c&state=s\"}", "{\"url\":\"" + "h".repeat(5000) + "\"}")) {
      assertProblem(json(HttpMethod.POST, "/api/spotify/callback", body), 422);
    }
    assertProblem(json(HttpMethod.POST, "/api/spotify/callback", "{\"url\":\"http://h/cb?code=c&code=d&state=s\"}"), 400);
    assertProblem(json(HttpMethod.POST, "/api/spotify/callback", "[]"), 400);
    assertProblem(api.send(api.request(HttpMethod.POST, "/api/spotify/callback"), null, "{}"), 415);
    assertEquals(List.of(), player.received(Addresses.SPOTIFY_CALLBACK));
  }

  @Test
  void aBadRedirectUriIs422AndReachesNoPlayer() {
    for (String body : List.of("{}", "{\"redirect_uri\":null}", "{\"redirect_uri\":\"\"}", "{\"redirect_uri\":3}",
        "{\"redirect_uri\":\"http://192.168.1.20:5001/api/spotify/callback\"}",
        "{\"redirect_uri\":\"http://localhost:5001/api/spotify/callback\"}",
        "{\"redirect_uri\":\"https://spotipi.example/cb#frag\"}", "{\"redirect_uri\":\"ftp://127.0.0.1/cb\"}",
        "{\"redirect_uri\":\"/api/spotify/callback\"}", "{\"redirect_uri\":\"https://x/cb\",\"scope\":\"all\"}")) {
      JsonObject p = assertProblem(json(HttpMethod.POST, "/api/spotify/authorize", body), 422);
      assertTrue(p.containsKey("errors"), p.encode());
    }
    assertEquals(List.of(), player.received(Addresses.SPOTIFY_AUTHORIZE));
  }

  @Test
  void theRedirectThatReachesTheBoxConnectsAndGoesBackToTheWebApp() {
    String state = authorize();
    HttpResponse<Buffer> r = api.send(api.request(HttpMethod.GET, "/api/spotify/callback?code=AQDcode&state=" + state)
        .followRedirects(false));
    assertEquals(303, r.statusCode(), r.bodyAsString());
    assertEquals("/", r.getHeader("Location"));
    assertEquals(List.of(new CallbackRequest(null, "AQDcode", state)),
        received(Addresses.SPOTIFY_CALLBACK, CallbackRequest.class));
    assertProblem(api.get("/api/spotify/callback?code=AQDcode&state=" + state), 400); // reused

    JsonObject declined = assertProblem(api.get("/api/spotify/callback?error=access_denied&state=" + authorize()), 400);
    assertTrue(declined.getString("detail").contains("declined"), declined.encode());
    for (String query : List.of("", "?code=c", "?state=s", "?code=c&code=d&state=s", "?code=c&state=s&state=t",
        "?code=&state=s", "?code=c&state=" + "s".repeat(600), "?error=server_error&state=s")) {
      assertProblem(api.get("/api/spotify/callback" + query), 400);
    }
    assertEquals(2, player.received(Addresses.SPOTIFY_CALLBACK).size(), "only the two with code and state");
  }

  // ---- devices -----------------------------------------------------------------------------------

  @Test
  void theDevicesAreListedFromTheCacheOrFreshOnRequest() {
    HttpResponse<Buffer> r = api.get("/api/devices");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray devices = r.bodyAsJsonArray();
    assertEquals(new JsonObject().put("id", "k1").put("name", "Kitchen").put("type", "Speaker").put("is_active", true)
        .put("volume_percent", 40).put("supports_volume", true), devices.getJsonObject(0));
    assertEquals(new JsonObject().put("id", "tv1").put("name", "TV").put("type", "TV").put("is_active", false)
        .putNull("volume_percent").put("supports_volume", false), devices.getJsonObject(1));

    assertEquals(200, api.get("/api/devices?refresh=true").statusCode());
    assertEquals(200, api.get("/api/devices?refresh=false").statusCode());
    assertEquals(List.of(new DevicesRequest(false), new DevicesRequest(true), new DevicesRequest(false)),
        received(Addresses.PLAYER_DEVICES, DevicesRequest.class));
    for (String query : List.of("?refresh=yes", "?refresh=", "?refresh=TRUE", "?refresh=true&refresh=false")) {
      assertProblem(api.get("/api/devices" + query), 400);
    }
    assertEquals(3, player.received(Addresses.PLAYER_DEVICES).size());
  }

  @Test
  void devicesWhenSpotifyIsUnreachableAre503WithTheReasonAndItsRetryAfter() {
    player.devicesFailure = new ConfigFailure(ErrorCode.UNAVAILABLE, "Spotify answered 429: rate limited")
        .withRetryAfter(37);
    HttpResponse<Buffer> r = api.get("/api/devices?refresh=true");
    JsonObject p = assertProblem(r, 503);
    assertEquals("37", r.getHeader("Retry-After"));
    assertEquals("Spotify answered 429: rate limited", p.getString("detail"));

    player.devicesFailure = new ConfigFailure(ErrorCode.UNAVAILABLE, "Spotify cannot be reached: connection refused");
    assertEquals("1", api.get("/api/devices").getHeader("Retry-After"));
  }

  @Test
  void devicesWhenNotConnectedAre409WithTheState() {
    player.status = ScriptedPlayer.status("reauthorize");
    player.devicesFailure = new ConfigFailure(ErrorCode.NOT_CONNECTED, "Spotify must be connected again");
    JsonObject p = assertProblem(api.get("/api/devices"), 409);
    assertEquals("reauthorize", p.getString("state"));
    assertEquals("Spotify must be connected again", p.getString("detail"));
  }

  @Test
  void withoutAPlayerOnTheNodeTheRoutesAre503() {
    RIG.undeployPlayer();
    for (String path : List.of("/api/spotify/status", "/api/devices")) {
      HttpResponse<Buffer> r = api.get(path);
      assertProblem(r, 503);
      assertEquals("1", r.getHeader("Retry-After"));
    }
  }

  private String authorize() {
    HttpResponse<Buffer> r = json(HttpMethod.POST, "/api/spotify/authorize",
        "{\"redirect_uri\":\"http://127.0.0.1:5001/api/spotify/callback\"}");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("state");
  }

  private <T> List<T> received(String address, Class<T> type) {
    return player.received(address).stream().map(body -> Json.fromJson(body, type)).toList();
  }
}
