package io.spotipi.scheduler.fire;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the device id an alarm played on under the alarm's device name, in the config's
 * {@code last_known_devices}: the player falls back to it when the speaker has dropped out of
 * Spotify's list by the next morning. Commits only when the id changed.
 */
public final class DeviceMemory {
  private static final Logger log = LoggerFactory.getLogger(DeviceMemory.class);

  private final ConfigClient config;

  public DeviceMemory(ConfigClient config) {
    this.config = config;
  }

  /** Records {@code deviceId} for {@code deviceName}; a blank name (no speaker configured) records nothing. */
  Future<Void> remember(String occurrence, String deviceName, String deviceId) {
    if (deviceName == null || deviceName.isBlank() || deviceId == null) {
      return Future.succeededFuture();
    }
    return config.load().compose(seen -> known(seen.config(), deviceName, deviceId) ? Future.succeededFuture()
        : config.transaction(doc -> {
          JsonObject devices = doc.getJsonObject(ConfigKeys.LAST_KNOWN_DEVICES);
          doc.put(ConfigKeys.LAST_KNOWN_DEVICES, (devices == null ? new JsonObject() : devices).put(deviceName, deviceId));
        }).onSuccess(snap -> log.info("occurrence {}: '{}' is device {} (revision {})", occurrence, deviceName,
            deviceId, snap.revision())).<Void>mapEmpty())
        .onFailure(err -> log.warn("occurrence {}: cannot remember device {} for '{}': {}", occurrence, deviceId,
            deviceName, err.getMessage()));
  }

  private static boolean known(JsonObject config, String deviceName, String deviceId) {
    JsonObject devices = config.getJsonObject(ConfigKeys.LAST_KNOWN_DEVICES);
    return devices != null && Objects.equals(devices.getValue(deviceName), deviceId);
  }
}
