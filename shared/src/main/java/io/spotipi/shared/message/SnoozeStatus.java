package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Reply of the snooze addresses: when the snoozed alarm resumes, or null when none is snoozed.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SnoozeStatus(Instant until) {
}
