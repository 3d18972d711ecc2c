package io.spotipi.shared.message;

import io.vertx.core.json.JsonObject;

/**
 * One section of the internal state at a revision: the reply of {@code spotipi.state.load} and
 * {@code spotipi.state.commit}. A section never written is revision 0 with an empty value.
 */
public record StateDocument(String section, long revision, JsonObject value) {
  /** Without the value: a section may hold secrets, and a record's string ends up in logs. */
  @Override
  public String toString() {
    return "StateDocument[section=" + section + ", revision=" + revision + "]";
  }
}
