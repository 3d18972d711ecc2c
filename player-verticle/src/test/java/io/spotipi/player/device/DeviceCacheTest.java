package io.spotipi.player.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.client.Device;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DeviceCacheTest {
  private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
  private static final String DEVICES = "/v1/me/player/devices";
  private final MutableClock clock = new MutableClock(T0);
  private Rig rig;
  private DeviceCache cache;

  @BeforeEach
  void start(Vertx vertx) {
    rig = Rig.start(vertx, clock);
    rig.connect(false);
    rig.fake.player().device("k1", "Kitchen");
    cache = rig.services.devices();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private int listings() {
    return rig.fake.requests("GET", DEVICES).size();
  }

  @Test
  void servedFromTheCacheWhileFreshAndRefreshAsksAnyway() {
    assertTrue(cache.fresh().isEmpty());
    assertEquals("Kitchen", rig.on(() -> cache.devices(false)).get(0).name());
    rig.on(() -> cache.devices(false));
    assertEquals(1, listings());
    rig.on(() -> cache.devices(true));
    assertEquals(2, listings());
    clock.set(T0.plus(rig.options.deviceCacheTtl()));
    assertTrue(cache.fresh().isEmpty());
    rig.on(() -> cache.devices(false));
    assertEquals(3, listings());
  }

  @Test
  void concurrentCallersShareOneFetch() {
    List<List<Device>> lists = rig.on(() -> {
      List<Future<List<Device>>> all = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        all.add(cache.devices(true));
      }
      return Future.all(all).map(cf -> cf.<List<Device>>list());
    });
    assertEquals(16, lists.size());
    assertEquals(1, listings());
  }
}
