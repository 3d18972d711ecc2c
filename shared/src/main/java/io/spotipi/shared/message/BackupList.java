package io.spotipi.shared.message;

import java.util.List;

/** Reply of {@code spotipi.config.backup.list}, newest first. */
public record BackupList(List<BackupInfo> backups) {
}
