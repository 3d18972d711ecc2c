package io.spotipi.shared;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One revision of the effective config as a client sees it. Immutable: the document is never handed
 * out, only copies of it, so a caller mutating what it got changes nothing else. The serialized bytes
 * are made once and reused (they are what {@code GET /api/config} sends).
 */
public final class ConfigSnapshot {
  private final long revision;
  private final JsonObject config;
  private final boolean stale;
  private volatile Buffer json;

  public ConfigSnapshot(long revision, JsonObject config) {
    this(config.copy(), revision, false);
  }

  private ConfigSnapshot(JsonObject owned, long revision, boolean stale) {
    this.revision = revision;
    this.config = owned;
    this.stale = stale;
  }

  /**
   * A snapshot of a document the owner sent, without the defensive copy: that document is never
   * mutated (inside one JVM it is the owner's own immutable state, from another node a fresh decode).
   * It saves a deep copy of the whole document on every commit reply and every load.
   */
  static ConfigSnapshot ofOwnerDocument(long revision, JsonObject config) {
    return new ConfigSnapshot(config, revision, false);
  }

  /** The same revision, marked stale; it shares the document and its bytes. */
  ConfigSnapshot markedStale() {
    ConfigSnapshot marked = new ConfigSnapshot(config, revision, true);
    marked.json = json;
    return marked;
  }

  public long revision() {
    return revision;
  }

  /**
   * Whether this is the last snapshot a client knew while the config owner did not answer (a
   * failover, or no owner at all): the store may hold a newer revision. A read that has to be current
   * must not take it as such.
   */
  public boolean stale() {
    return stale;
  }

  /** The strong HTTP entity tag of this revision: the revision in quotes. */
  public String etag() {
    return "\"" + revision + "\"";
  }

  /** A private copy of the whole document. */
  public JsonObject config() {
    return config.copy();
  }

  public boolean has(String key) {
    return config.containsKey(key);
  }

  /** A key's value (objects and arrays copied), or {@code null} when absent. */
  public Object get(String key) {
    return JsonValues.copy(config.getValue(key));
  }

  /** The document serialized as JSON; the same bytes every time. */
  public Buffer json() {
    Buffer b = json;
    if (b == null) {
      b = config.toBuffer(); // idempotent: a race only encodes twice
      json = b;
    }
    return b;
  }

  @Override
  public String toString() {
    return "ConfigSnapshot{revision=" + revision + (stale ? ", stale" : "") + "}";
  }
}
