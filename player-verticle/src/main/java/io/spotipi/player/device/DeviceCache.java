package io.spotipi.player.device;

import io.spotipi.player.client.Device;
import io.spotipi.player.client.SpotifyClient;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Spotify's device list, served again for a short while: a page that lists devices and an alarm that
 * looks its speaker up moments later ask Spotify once. Callers that ask while a fetch runs share it.
 * Confined to the owning verticle's event loop.
 */
public class DeviceCache {
  private final SpotifyClient spotify;
  private final Clock clock;
  private final Duration ttl;

  private List<Device> devices;
  private Instant fetchedAt = Instant.MIN;
  private Future<List<Device>> inflight;

  public DeviceCache(SpotifyClient spotify, Clock clock, Duration ttl) {
    this.spotify = spotify;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The list, from the cache while it is fresh unless {@code refresh} asks Spotify anyway. */
  public Future<List<Device>> devices(boolean refresh) {
    Optional<List<Device>> fresh = refresh ? Optional.empty() : fresh();
    if (fresh.isPresent()) {
      return Future.succeededFuture(fresh.get());
    }
    if (inflight == null) {
      Future<List<Device>> fetch = spotify.devices().andThen(ar -> {
        inflight = null;
        if (ar.succeeded()) {
          devices = List.copyOf(ar.result());
          fetchedAt = clock.instant();
        }
      });
      inflight = fetch.isComplete() ? null : fetch;
      return fetch;
    }
    return inflight;
  }

  /** The cached list while it is fresh; never asks Spotify. */
  public Optional<List<Device>> fresh() {
    return devices != null && clock.instant().isBefore(fetchedAt.plus(ttl)) ? Optional.of(devices) : Optional.empty();
  }
}
