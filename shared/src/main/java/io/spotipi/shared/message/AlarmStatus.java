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

  /**
   * The newest occurrence this node saw fire, with what became of it.
   *
   * @param outcome {@link #PLAYED}, {@link #FAILED} or {@link #LOST}
   * @param detail on which device it played, why it failed, or who played it instead
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record LastFired(String occurrence, Instant firedAt, long lateMs, String outcome, String detail) {
    public static final String PLAYED = "played";
    public static final String FAILED = "failed";
    /** Another scheduler claimed the occurrence first. */
    public static final String LOST = "lost";
  }
}
