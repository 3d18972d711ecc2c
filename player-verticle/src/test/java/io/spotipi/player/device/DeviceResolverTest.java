package io.spotipi.player.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.client.Device;
import io.spotipi.player.device.Resolution.Via;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceResolverTest {
  private static Device device(String id, String name) {
    return new Device(id, name, "Speaker", false, false, 50, true);
  }

  private static final Device KITCHEN = device("k1", "Kitchen Echo");
  private static final Device LIVING = device("l1", "Living Room");
  private static final Device BEDROOM_TV = device("b1", "Bedroom TV");
  private static final Device BEDROOM_SPEAKER = device("b2", "Bedroom Speaker");
  private static final List<Device> HOME = List.of(KITCHEN, LIVING, BEDROOM_TV, BEDROOM_SPEAKER);

  private static Optional<Resolution> resolve(List<Device> list, String wanted) {
    return DeviceResolver.resolve(list, wanted, Map.of(), null);
  }

  @Test
  void exactIgnoresCaseAndSpaces() {
    assertEquals(Optional.of(new Resolution("l1", "Living Room", Via.EXACT, true)),
        DeviceResolver.exact(HOME, "  living room "));
    assertEquals("l1", DeviceResolver.exact(HOME, "LIVINGROOM").orElseThrow().deviceId());
    assertEquals(Optional.empty(), DeviceResolver.exact(HOME, "Living"));
  }

  @Test
  void aUniquePartialMatchComesAfterExact() {
    assertEquals(new Resolution("k1", "Kitchen Echo", Via.PARTIAL, true), resolve(HOME, "kitchen").orElseThrow());
    // Two bedroom devices: ambiguous, so no partial match.
    assertEquals(Optional.empty(), resolve(HOME, "Bedroom"));
    assertEquals(Via.EXACT, resolve(HOME, "bedroom tv").orElseThrow().via());
  }

  @Test
  void theLastKnownIdStandsInForAnIdleSpeakerThatLeftTheList() {
    Resolution r = DeviceResolver.resolve(List.of(LIVING), "Kitchen Echo", Map.of("kitchen echo", "k1"), null)
        .orElseThrow();
    assertEquals(new Resolution("k1", "Kitchen Echo", Via.LAST_KNOWN, true), r);
  }

  @Test
  void theFallbackComesLastByNameOrId() {
    assertEquals(new Resolution("l1", "Living Room", Via.FALLBACK, true),
        DeviceResolver.resolve(HOME, "Garage", Map.of(), "living room").orElseThrow());
    String idleId = "0123456789abcdef0123456789abcdef01234567";
    assertEquals(new Resolution(idleId, idleId, Via.FALLBACK, true),
        DeviceResolver.resolve(HOME, "Garage", Map.of(), idleId).orElseThrow());
    assertEquals(Optional.empty(), DeviceResolver.resolve(HOME, "Garage", Map.of(), "Attic"));
    assertEquals(new Resolution("g9", "Garage", Via.FALLBACK, true),
        DeviceResolver.resolve(HOME, "Nowhere", Map.of("Garage", "g9"), "Garage").orElseThrow());
  }

  @Test
  void restrictedDevicesAndDevicesWithoutIdAreNeverChosen() {
    Device restricted = new Device("r1", "Kitchen", "Speaker", false, true, null, true);
    Device noId = new Device(null, "Hall", "Speaker", false, false, null, true);
    List<Device> list = List.of(restricted, noId, LIVING);
    assertEquals(Optional.empty(), DeviceResolver.exact(list, "Kitchen"));
    assertEquals(Optional.empty(), resolve(list, "Kitchen"));
    assertEquals(Optional.empty(), resolve(list, "hall"));
    // A remembered id of a device that is listed as restricted is no way round it.
    assertEquals(Optional.empty(), DeviceResolver.resolve(list, "Kitchen", Map.of("Kitchen", "r1"), null));
    assertEquals(Via.FALLBACK, DeviceResolver.resolve(list, "Kitchen", Map.of(), "Living Room").orElseThrow().via());
    assertTrue(DeviceResolver.describeMiss(list, "kitchen").contains("restricted"));
    assertTrue(DeviceResolver.describeMiss(list, "Hall").contains("no id"));
  }

  @Test
  void noConfiguredNameMeansTheActiveDevice() {
    Device active = new Device("a1", "Desk", "Computer", true, false, 20, true);
    assertEquals(new Resolution("a1", "Desk", Via.ACTIVE, true), resolve(List.of(LIVING, active), "").orElseThrow());
    assertEquals(Optional.empty(), resolve(HOME, null));
    assertEquals(Via.FALLBACK, DeviceResolver.resolve(HOME, " ", Map.of(), "Living Room").orElseThrow().via());
  }

  @Test
  void aDeviceWithoutVolumeSaysSo() {
    Device tv = new Device("t1", "TV", "TV", false, false, null, false);
    assertEquals(false, DeviceResolver.exact(List.of(tv), "tv").orElseThrow().supportsVolume());
  }

  @Test
  void theMissNamesWhatSpotifyListed() {
    assertEquals("no device named 'Garage' (devices: 'Kitchen Echo', 'Living Room')",
        DeviceResolver.describeMiss(List.of(KITCHEN, LIVING), "Garage"));
    assertEquals("no device named 'Garage' (devices: none)", DeviceResolver.describeMiss(List.of(), "Garage"));
  }
}
