package io.spotipi.player.client;

import io.vertx.core.json.JsonObject;

/**
 * One entry of {@code GET /v1/me/player/devices}.
 *
 * @param id null for some devices, which then take no commands
 * @param restricted a restricted device takes no commands
 * @param volumePercent null when the device does not report one
 */
public record Device(String id, String name, String type, boolean active, boolean restricted, Integer volumePercent,
    boolean supportsVolume) {

  public static Device fromJson(JsonObject json) {
    return new Device(json.getString("id"), json.getString("name", ""), json.getString("type"),
        json.getBoolean("is_active", false), json.getBoolean("is_restricted", false),
        json.getInteger("volume_percent"), json.getBoolean("supports_volume", true));
  }

  /** Whether commands can be sent to it. */
  public boolean usable() {
    return id != null && !restricted;
  }

  /** The shape {@code GET /api/devices} answers with. */
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("type", type).put("is_active", active)
        .put("volume_percent", volumePercent).put("supports_volume", supportsVolume);
  }
}
