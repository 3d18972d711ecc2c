package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code spotipi.alarm.status} (JSON {@code {"min_revision": N}} from a bridge client). With
 * {@code minRevision} the status reflects at least that commit, so a caller that just saved sees its
 * own change even if the scheduler's change event is still on its way; empty or absent: its current plan.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmStatusRequest(Long minRevision) {
}
