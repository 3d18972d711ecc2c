package io.spotipi.shared.message;

/** Body of {@code spotipi.config.backup.restore}. */
public record RestoreRequest(String id, String origin) {
}
