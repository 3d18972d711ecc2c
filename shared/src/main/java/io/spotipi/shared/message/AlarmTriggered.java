package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.spotipi.shared.ErrorCode;
import java.time.Instant;

/**
 * Reply of {@code spotipi.alarm.trigger}: a manual occurrence, once its playback started or failed.
 * Played, it is the body of {@code POST /api/alarm/trigger}'s 200; failed, that route answers the
 * problem of {@code failure} with {@code detail}.
 *
 * @param outcome {@link AlarmStatus.LastFired#PLAYED} or {@link AlarmStatus.LastFired#FAILED}
 * @param device the device it played on; null when it failed
 * @param detail on which device it played, or why it failed
 * @param failure why it failed, as the code an HTTP answer maps to; null (and left out) when it played
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlarmTriggered(String occurrence, Instant firedAt, String outcome, String device, String detail,
    @JsonInclude(JsonInclude.Include.NON_NULL) ErrorCode failure) {

  public boolean played() {
    return failure == null;
  }
}
