package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The alarm settings a fired occurrence carries to the player. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AlarmSpec(
    String time,
    List<Integer> weekdays,
    String playlistUri,
    String deviceName,
    int alarmVolume,
    boolean fadeIn,
    boolean shuffle) {
}
