package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Reply of the playback commands: the device the command went to. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ControlDone(String deviceId, String deviceName) {
}
