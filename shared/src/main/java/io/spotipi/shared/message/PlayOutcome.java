package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.spotipi.shared.ErrorCode;

/**
 * What became of a fired alarm: played on a device, or failed, with a detail for {@code last_fired}.
 *
 * @param deviceId the device played on (what {@code last_known_devices} should remember for
 *     {@code deviceName}); null when it failed
 * @param failure why it failed, as the code an HTTP answer maps to (not connected, no such device,
 *     premium required, Spotify unreachable); null when it played
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlayOutcome(String occurrence, boolean played, String deviceId, String deviceName, String detail,
    ErrorCode failure) {

  public static PlayOutcome played(String occurrence, String deviceId, String deviceName, String detail) {
    return new PlayOutcome(occurrence, true, deviceId, deviceName, detail, null);
  }

  public static PlayOutcome failed(String occurrence, ErrorCode failure, String detail) {
    return new PlayOutcome(occurrence, false, null, null, detail, failure);
  }
}
