package io.spotipi.player.device;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSnapshot;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The config's {@code last_known_devices} (device name → the last id seen for it), read from a config
 * client's near cache without waiting. A change of the key loads it again at once, so an alarm finds
 * it current; should the cache still be stale, the map last read is served and a load started.
 * Confined to the context of the client.
 */
public final class LastKnownDevices implements Supplier<Map<String, String>> {
  private final ConfigClient config;
  private Map<String, String> last = Map.of();
  private boolean loading;

  public LastKnownDevices(ConfigClient config) {
    this.config = config;
    config.onChange(changed -> {
      if (changed.changedKeys() == null || changed.changedKeys().contains(ConfigKeys.LAST_KNOWN_DEVICES)) {
        load();
      }
    });
  }

  @Override
  public Map<String, String> get() {
    ConfigSnapshot snap = config.loadCached();
    if (snap != null) {
      last = parse(snap.get(ConfigKeys.LAST_KNOWN_DEVICES));
    } else {
      load();
    }
    return last;
  }

  /** Reads the key into the map served; one load at a time. */
  public void load() {
    if (loading) {
      return;
    }
    loading = true;
    config.load().onComplete(ar -> {
      loading = false;
      if (ar.succeeded()) {
        last = parse(ar.result().get(ConfigKeys.LAST_KNOWN_DEVICES));
      }
    });
  }

  /** Entries whose id is a string; anything else in the value is ignored. */
  static Map<String, String> parse(Object value) {
    Map<String, String> out = new HashMap<>();
    if (value instanceof JsonObject devices) {
      devices.forEach(e -> {
        if (e.getValue() instanceof String id) {
          out.put(e.getKey(), id);
        }
      });
    }
    return Map.copyOf(out);
  }
}
