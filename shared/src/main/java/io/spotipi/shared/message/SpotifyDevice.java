package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A Spotify Connect device as {@code GET /api/devices} lists it.
 *
 * @param volumePercent null when the device does not report one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SpotifyDevice(String id, String name, String type, boolean isActive, Integer volumePercent,
    boolean supportsVolume) {
}
