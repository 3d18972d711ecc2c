package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.regex.Pattern;

/** One file in {@code backups/}; its id is the file name without {@code .json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BackupInfo(String id, long revision, Instant createdAt, long sizeBytes) {
  /** Every valid id: {@code r} + 10-digit revision + {@code -} + UTC time to the millisecond. */
  public static final Pattern ID_PATTERN = Pattern.compile("r(\\d{10})-(\\d{8}T\\d{9}Z)");
}
