package io.spotipi.shared.message;

/**
 * Body of {@code spotipi.config.load}. With {@code minRevision} the owner answers once that revision
 * is durable (or at once if it is not pending), so a client that lost a compare-and-set can wait for
 * the winner instead of polling.
 */
public record LoadRequest(Long minRevision) {
}
