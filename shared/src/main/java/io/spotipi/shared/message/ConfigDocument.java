package io.spotipi.shared.message;

import io.vertx.core.json.JsonObject;

/** Reply of load, commit and restore: the effective config (defaults overlaid by the user's keys). */
public record ConfigDocument(long revision, JsonObject config) {
}
