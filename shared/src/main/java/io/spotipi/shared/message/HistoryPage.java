package io.spotipi.shared.message;

import java.util.List;

/** Reply of {@code spotipi.config.history}, oldest first. */
public record HistoryPage(List<HistoryEntry> entries) {
}
