package io.spotipi.shared.message;

import io.vertx.core.json.JsonObject;

/**
 * Body of {@code spotipi.state.commit}: {@code value} replaces the section's whole value. With
 * {@code expectedRevision} it is a compare-and-set on the section's revision (0: never written).
 */
public record StateCommitRequest(String section, Long expectedRevision, JsonObject value, String origin) {
  /** Without the value: a section may hold secrets, and a record's string ends up in logs. */
  @Override
  public String toString() {
    return "StateCommitRequest[section=" + section + ", expectedRevision=" + expectedRevision + ", origin=" + origin
        + "]";
  }
}
