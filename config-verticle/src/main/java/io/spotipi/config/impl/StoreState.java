package io.spotipi.config.impl;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One revision of the store: the effective document (defaults overlaid by the user's keys) and the
 * user's keys alone (what {@code <env>.json} holds). Never mutated once built.
 */
public record StoreState(long revision, JsonObject effective, JsonObject overrides, Instant savedAt) {
}
