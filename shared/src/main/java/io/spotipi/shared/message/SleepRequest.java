package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Request of {@code spotipi.player.sleep.start}, the body of {@code POST /api/sleep}. Each field left
 * out comes from the config: {@code sleep_default_duration}, {@code sleep_playlist_uri},
 * {@code sleep_device_name}, {@code sleep_volume}; shuffle stays as it is.
 *
 * @param minutes 1..480
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SleepRequest(Integer minutes, String uri, String deviceName, Integer volume, Boolean shuffle) {
}
