package io.spotipi.player.client;

import io.vertx.core.json.JsonObject;

/**
 * What {@code GET /v1/me/player} says plays where. Spotify answers 204 when nothing plays, which the
 * client maps to an empty optional rather than to this.
 *
 * @param device the active device, or null
 * @param contextUri the playing playlist, album or artist, or null
 * @param itemUri the playing track or episode, or null
 */
public record PlaybackState(Device device, boolean playing, String contextUri, String itemUri, long progressMs,
    boolean shuffle) {

  public static PlaybackState fromJson(JsonObject json) {
    JsonObject device = json.getJsonObject("device");
    JsonObject context = json.getJsonObject("context");
    JsonObject item = json.getJsonObject("item");
    return new PlaybackState(device == null ? null : Device.fromJson(device), json.getBoolean("is_playing", false),
        context == null ? null : context.getString("uri"), item == null ? null : item.getString("uri"),
        json.getLong("progress_ms", 0L), json.getBoolean("shuffle_state", false));
  }

  /** Whether the device with this id is the active one. */
  public boolean activeOn(String deviceId) {
    return device != null && deviceId != null && deviceId.equals(device.id());
  }

  /** Whether it plays on the device with this id. */
  public boolean playingOn(String deviceId) {
    return playing && activeOn(deviceId);
  }

  /** The active device's volume, or null. */
  public Integer volume() {
    return device == null ? null : device.volumePercent();
  }
}
