package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * The sleep timer as {@code GET /api/sleep} shows it; inactive: every other field null.
 *
 * @param device the device's name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SleepStatus(boolean active, Instant endsAt, String uri, String device) {
  public static final SleepStatus INACTIVE = new SleepStatus(false, null, null, null);
}
