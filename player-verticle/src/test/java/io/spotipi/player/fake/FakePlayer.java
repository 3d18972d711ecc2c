package io.spotipi.player.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fake's player: its devices, which one is active, what plays, shuffle; the endpoints under
 * {@code /v1/me/player}. Quirks come from the devices ({@link FakeDevice}): late in the list, 404 and
 * playing anyway, volume refused, a transfer or play that shows only after a few looks.
 */
public final class FakePlayer {
  private final Map<String, FakeDevice> devices = new LinkedHashMap<>();
  private final FakeSpotify fake;
  private final FakeLibrary library;
  private String active;
  private String shownActive;
  private int activationLagLeft;
  private int playLagLeft;
  private boolean playing;
  private String contextUri;
  private JsonArray uris;
  private Integer offset;
  private boolean shuffle;
  private int listings;

  FakePlayer(FakeSpotify fake) {
    this.fake = fake;
    this.library = new FakeLibrary(fake);
  }

  public synchronized FakeDevice device(String id, String name) {
    FakeDevice d = new FakeDevice(id, name);
    devices.put(id == null ? "null-" + name : id, d);
    return d;
  }

  public FakeLibrary library() {
    return library;
  }

  public synchronized String active() {
    return active;
  }

  public synchronized boolean playing() {
    return playing;
  }

  public synchronized String contextUri() {
    return contextUri;
  }

  public synchronized JsonArray uris() {
    return uris;
  }

  public synchronized Integer offset() {
    return offset;
  }

  public synchronized boolean shuffle() {
    return shuffle;
  }

  public synchronized int volume(String deviceId) {
    return devices.get(deviceId).volume;
  }

  /** The user presses pause in the Spotify app. */
  public synchronized void pauseByUser() {
    playing = false;
  }

  /** Spotify forgets a session left alone: no device is active, and the player state answers 204. */
  public synchronized void idle() {
    active = null;
    shownActive = null;
    playing = false;
  }

  /** The user turns the volume in the Spotify app. */
  public synchronized void volumeByUser(String deviceId, int volume) {
    devices.get(deviceId).volume = volume;
  }

  void mount(Router router) {
    router.get("/v1/me/player/devices").handler(this::devices);
    router.get("/v1/me/player").handler(this::state);
    router.put("/v1/me/player").handler(this::transfer);
    router.put("/v1/me/player/play").handler(this::play);
    router.put("/v1/me/player/volume").handler(this::volume);
    router.put("/v1/me/player/shuffle").handler(this::setShuffle);
    router.put("/v1/me/player/pause").handler(rc -> command(rc, () -> playing = false));
    router.post("/v1/me/player/next").handler(rc -> command(rc, () -> { }));
    router.post("/v1/me/player/previous").handler(rc -> command(rc, () -> { }));
    library.mount(router);
  }

  private synchronized void devices(RoutingContext rc) {
    listings++;
    JsonArray list = new JsonArray();
    devices.values().stream().filter(d -> listings > d.listedFromListing)
        .forEach(d -> list.add(d.toJson(d.id != null && d.id.equals(shownActive))));
    FakeSpotify.end(rc, 200, new JsonObject().put("devices", list));
  }

  private synchronized void state(RoutingContext rc) {
    if (activationLagLeft > 0) {
      activationLagLeft--;
    } else {
      shownActive = active;
    }
    boolean shownPlaying = playing;
    if (playLagLeft > 0) {
      playLagLeft--;
      shownPlaying = false;
    }
    FakeDevice device = shownActive == null ? null : devices.get(shownActive);
    if (device == null) {
      FakeSpotify.noContent(rc);
      return;
    }
    JsonObject body = new JsonObject().put("device", device.toJson(true)).put("is_playing", shownPlaying)
        .put("shuffle_state", shuffle).put("progress_ms", 1234)
        .put("context", contextUri == null ? null : new JsonObject().put("uri", contextUri))
        .put("item", item());
    FakeSpotify.end(rc, 200, body);
  }

  /** The track played by its URI: one of the fake's music when it has it, else a made-up one. */
  private JsonObject item() {
    JsonObject known = uris == null ? null : fake.music().trackOf(uris.getString(0));
    return known != null ? known : FakeMusic.track(uris != null ? uris.getString(0).substring("spotify:track:".length())
        : "fakeTrack0000000000001", "Fake Song", "Fake Band",
        FakeMusic.album("fakeAlbum0000000000001", "Fake Album", "Fake Band", 12));
  }

  private synchronized void transfer(RoutingContext rc) {
    JsonObject body = rc.body().asJsonObject();
    String id = body.getJsonArray("device_ids").getString(0);
    FakeDevice device = controllable(rc, id);
    if (device == null) {
      return;
    }
    active = id;
    activationLagLeft = device.activationLag;
    if (body.getBoolean("play", false)) {
      playing = true;
    }
    FakeSpotify.noContent(rc);
  }

  private synchronized void play(RoutingContext rc) {
    FakeDevice device = controllable(rc, rc.request().getParam("device_id"));
    if (device == null) {
      return;
    }
    JsonObject body = rc.body().length() == 0 ? new JsonObject() : rc.body().asJsonObject();
    if (body.containsKey("context_uri") && body.containsKey("uris")) {
      FakeSpotify.error(rc, 400, null, "context_uri and uris together");
      return;
    }
    Integer position = body.getJsonObject("offset") == null ? null : body.getJsonObject("offset").getInteger("position");
    Integer total = library.total(body.getString("context_uri"));
    if (position != null && (total == null || position >= total)) {
      FakeSpotify.error(rc, 403, null, "offset position past the end");
      return;
    }
    active = device.id;
    shownActive = device.id;
    activationLagLeft = 0;
    playing = true;
    playLagLeft = device.playLag;
    if (body.containsKey("context_uri") || body.containsKey("uris")) {
      contextUri = body.getString("context_uri");
      uris = body.getJsonArray("uris");
      offset = position;
      shuffle = false; // starting a context resets shuffle
    }
    if (device.playNotFoundButPlays > 0) {
      device.playNotFoundButPlays--;
      FakeSpotify.error(rc, 404, null, "Device not found");
      return;
    }
    FakeSpotify.noContent(rc);
  }

  private synchronized void volume(RoutingContext rc) {
    FakeDevice device = controllable(rc, rc.request().getParam("device_id"));
    if (device == null) {
      return;
    }
    if (device.refusesVolume || !device.supportsVolume) {
      FakeSpotify.error(rc, 403, "VOLUME_CONTROL_DISALLOW", "Cannot control device volume");
      return;
    }
    device.volume = Integer.parseInt(rc.request().getParam("volume_percent"));
    FakeSpotify.noContent(rc);
  }

  private synchronized void setShuffle(RoutingContext rc) {
    command(rc, () -> shuffle = Boolean.parseBoolean(rc.request().getParam("state")));
  }

  private synchronized void command(RoutingContext rc, Runnable effect) {
    if (controllable(rc, rc.request().getParam("device_id")) != null) {
      effect.run();
      FakeSpotify.noContent(rc);
    }
  }

  /** The device a command names, or null after answering why it takes none. */
  private FakeDevice controllable(RoutingContext rc, String named) {
    String id = named == null ? active : named;
    FakeDevice device = id == null ? null : devices.get(id);
    if (id == null) {
      FakeSpotify.error(rc, 404, "NO_ACTIVE_DEVICE", "Player command failed: No active device found");
    } else if (device == null) {
      FakeSpotify.error(rc, 404, null, "Device not found");
    } else if (device.restricted) {
      FakeSpotify.error(rc, 403, "DEVICE_NOT_CONTROLLABLE", "Device is restricted");
    } else {
      return device;
    }
    return null;
  }
}
