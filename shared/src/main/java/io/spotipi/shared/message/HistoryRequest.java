package io.spotipi.shared.message;

/** Body of {@code spotipi.config.history}: the newest {@code limit} commits, or those after a revision. */
public record HistoryRequest(Integer limit, Long afterRevision) {
}
