package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** Reply of {@code spotipi.alarm.status}. {@code nextFire} is ISO-8601 with the alarm zone's offset. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlarmStatus(
    boolean enabled,
    String time,
    List<Integer> weekdays,
    String timezone,
    String nextFire,
    Long nextFireInSeconds,
    LastFired lastFired) {

  /** The newest occurrence this node saw fire, with what became of it (played, failed, lost the race). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record LastFired(String occurrence, Instant firedAt, long lateMs, String outcome) {
  }
}
