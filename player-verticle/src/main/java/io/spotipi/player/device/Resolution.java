package io.spotipi.player.device;

/**
 * The device an alarm plays on and how it was found.
 *
 * @param name the device's name, or the configured one when only a remembered id was found
 * @param supportsVolume false when Spotify's list says the device takes no volume commands
 */
public record Resolution(String deviceId, String name, Via via, boolean supportsVolume) {

  public enum Via {
    /** The name matches but for case and spaces. */
    EXACT("exact name"),
    /** The only device whose name contains the configured one. */
    PARTIAL("partial name"),
    /** Not in the list (an idle speaker drops out), but its id was seen for that name before. */
    LAST_KNOWN("last known id"),
    /** The configured fallback device. */
    FALLBACK("fallback device"),
    /** No device is configured: the one that is active now. */
    ACTIVE("active device");

    private final String words;

    Via(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }
}
