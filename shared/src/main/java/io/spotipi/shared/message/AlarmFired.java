package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * Published on {@code spotipi.alarm.fired} once per played occurrence. The occurrence id is the
 * scheduled instant in UTC (ISO-8601), or {@code manual-<instant>} for a manual trigger.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AlarmFired(String occurrence, Instant scheduledFor, Instant firedAt, long lateMs, AlarmSpec alarm) {
}
