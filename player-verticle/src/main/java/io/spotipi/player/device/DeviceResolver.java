package io.spotipi.player.device;

import io.spotipi.player.client.Device;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which Spotify device a configured {@code device_name} means. Names compare without case and spaces.
 * The order: an exact match in the list at hand; then, in a freshly fetched list, an exact match, the
 * only partial match, the id last seen for that name ({@code last_known_devices}), the fallback device.
 * Restricted devices and devices without an id take no commands and are never chosen.
 */
public final class DeviceResolver {
  private DeviceResolver() {
  }

  /** An exact match; when there is none, fetch a fresh list and call {@link #resolve}. */
  public static Optional<Resolution> exact(List<Device> devices, String wanted) {
    String key = normalize(wanted);
    return devices.stream().filter(Device::usable).filter(d -> normalize(d.name()).equals(key)).findFirst()
        .map(d -> found(d, Resolution.Via.EXACT));
  }

  /**
   * The device for {@code wanted} in a fresh list; empty when nothing fits ({@link #describeMiss} says why).
   * A blank {@code wanted} means the active device, then the fallback.
   *
   * @param lastKnown device name → the last id seen for it
   * @param fallback a device name or id, or null
   */
  public static Optional<Resolution> resolve(List<Device> devices, String wanted, Map<String, String> lastKnown,
      String fallback) {
    Optional<Resolution> own = normalize(wanted).isEmpty()
        ? devices.stream().filter(Device::usable).filter(Device::active).findFirst()
            .map(d -> found(d, Resolution.Via.ACTIVE))
        : byName(devices, wanted, lastKnown, null);
    return own.or(() -> fallback(devices, fallback, lastKnown));
  }

  /** The fallback device (a name, matched like any other, or an id); empty when there is none or it is unusable. */
  public static Optional<Resolution> fallback(List<Device> devices, String fallback, Map<String, String> lastKnown) {
    if (fallback == null || fallback.isBlank()) {
      return Optional.empty();
    }
    return byName(devices, fallback, lastKnown, Resolution.Via.FALLBACK).or(() -> byId(devices, fallback));
  }

  /** Why {@link #resolve} found nothing, naming the devices Spotify listed. */
  public static String describeMiss(List<Device> devices, String wanted) {
    String key = normalize(wanted);
    Optional<Device> unusable = devices.stream().filter(d -> !d.usable())
        .filter(d -> normalize(d.name()).equals(key)).findFirst();
    if (unusable.isPresent()) {
      return "device '" + unusable.get().name() + "' takes no commands ("
          + (unusable.get().id() == null ? "it has no id" : "restricted") + ")";
    }
    String seen = devices.isEmpty() ? "none"
        : devices.stream().map(Device::name).collect(Collectors.joining("', '", "'", "'"));
    return key.isEmpty() ? "no device is configured or active (devices: " + seen + ")"
        : "no device named '" + wanted + "' (devices: " + seen + ")";
  }

  /** Lower case without white space: "Living Room" = "living room" = "LivingRoom". */
  public static String normalize(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  /** Exact, then the only partial match, then the remembered id; each as {@code via}, or as found when null. */
  private static Optional<Resolution> byName(List<Device> devices, String name, Map<String, String> lastKnown,
      Resolution.Via via) {
    String key = normalize(name);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<Resolution> exact = exact(devices, name);
    if (exact.isPresent()) {
      return exact.map(r -> via == null ? r : new Resolution(r.deviceId(), r.name(), via, r.supportsVolume()));
    }
    List<Device> partial = devices.stream().filter(Device::usable)
        .filter(d -> normalize(d.name()).contains(key)).toList();
    if (partial.size() == 1) {
      return Optional.of(found(partial.get(0), via == null ? Resolution.Via.PARTIAL : via));
    }
    return lastKnown.entrySet().stream()
        .filter(e -> normalize(e.getKey()).equals(key) && e.getValue() != null)
        .map(Map.Entry::getValue)
        .filter(id -> devices.stream().noneMatch(d -> id.equals(d.id()) && !d.usable()))
        .findFirst()
        .map(id -> new Resolution(id, name, via == null ? Resolution.Via.LAST_KNOWN : via, supportsVolume(devices, id)));
  }

  /** The fallback given as an id: the listed device, or the id as is when it is not listed (it may be idle). */
  private static Optional<Resolution> byId(List<Device> devices, String id) {
    Optional<Device> listed = devices.stream().filter(d -> id.equals(d.id())).findFirst();
    if (listed.isPresent()) {
      return listed.filter(Device::usable).map(d -> found(d, Resolution.Via.FALLBACK));
    }
    return id.matches("[A-Za-z0-9]{20,}") ? Optional.of(new Resolution(id, id, Resolution.Via.FALLBACK, true))
        : Optional.empty();
  }

  private static boolean supportsVolume(List<Device> devices, String id) {
    return devices.stream().filter(d -> Objects.equals(id, d.id())).findFirst().map(Device::supportsVolume)
        .orElse(true);
  }

  private static Resolution found(Device d, Resolution.Via via) {
    return new Resolution(d.id(), d.name(), via, d.supportsVolume());
  }
}
