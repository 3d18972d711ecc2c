package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** One file in {@code backups/}; its id is the file name without {@code .json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BackupInfo(String id, long revision, Instant createdAt, long sizeBytes) {
}
