package io.spotipi.config.storage;

import io.spotipi.config.apply.ConfigRules;
import io.spotipi.config.apply.StoreState;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.SchedulerState;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The on-disk format of {@code <env>.json} and of every backup: the original SpotiPi's flat object of
 * user keys, plus our bookkeeping under {@code _meta} ({@code revision}, {@code saved_at}, and in a
 * cluster the owner's {@code epoch}) so that one
 * atomic rename commits data and revision together. A file without {@code _meta} is revision 0.
 */
public final class StoredFile {
  private static final String REVISION = "revision";
  private static final String SAVED_AT = "saved_at";
  private static final String EPOCH = "epoch";

  private StoredFile() {
  }

  /**
   * What a file holds. {@code legacy} holds the schedulers' bookkeeping keys a file from before the
   * internal state carried among the user's keys ({@link SchedulerState#LEGACY_CONFIG_KEYS}); they
   * are never part of {@code overrides}.
   */
  public record Contents(long revision, Instant savedAt, JsonObject overrides, long epoch, JsonObject legacy) {
  }

  public static Buffer encode(StoreState state) {
    JsonObject file = state.overrides().copy();
    file.put(ConfigRules.META, meta(state.revision(), state.savedAt(), state.epoch()));
    return bytes(file);
  }

  /**
   * Parses a file's bytes.
   *
   * @throws DecodeException when they are not a JSON object or {@code _meta} is malformed
   */
  public static Contents decode(Buffer bytes) {
    JsonObject file = object(bytes);
    Meta m = meta(file.remove(ConfigRules.META));
    JsonObject legacy = new JsonObject();
    for (String key : SchedulerState.LEGACY_CONFIG_KEYS) {
      if (file.containsKey(key)) {
        legacy.put(key, file.remove(key));
      }
    }
    return new Contents(m.revision(), m.savedAt(), file, m.epoch(), legacy);
  }

  // ---- shared with the state file -----------------------------------------------------------------

  /** What {@code _meta} holds; a file without it is revision 0. */
  record Meta(long revision, Instant savedAt, long epoch) {
  }

  static JsonObject meta(long revision, Instant savedAt, long epoch) {
    JsonObject meta = new JsonObject().put(REVISION, revision);
    if (savedAt != null) {
      meta.put(SAVED_AT, savedAt.toString());
    }
    if (epoch > 0) {
      meta.put(EPOCH, epoch);
    }
    return meta;
  }

  /** @throws DecodeException when {@code meta} is not an object with a non-negative revision and valid fields */
  static Meta meta(Object meta) {
    if (meta == null) {
      return new Meta(0, null, 0);
    }
    if (!(meta instanceof JsonObject m) || !(m.getValue(REVISION) instanceof Number rev) || rev.longValue() < 0) {
      throw new DecodeException("_meta must be an object with a non-negative revision");
    }
    Instant savedAt = null;
    if (m.getValue(SAVED_AT) instanceof String s) {
      try {
        savedAt = Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new DecodeException("_meta.saved_at is not an ISO-8601 instant: " + s);
      }
    }
    Object epoch = m.getValue(EPOCH);
    if (epoch != null && (!(epoch instanceof Number e) || e.longValue() < 0)) {
      throw new DecodeException("_meta.epoch must be a non-negative number");
    }
    return new Meta(rev.longValue(), savedAt, epoch == null ? 0 : ((Number) epoch).longValue());
  }

  /** @throws DecodeException, in one line, when the bytes are not a JSON object */
  static JsonObject object(Buffer bytes) {
    try {
      return new JsonObject(bytes);
    } catch (ClassCastException e) {
      throw new DecodeException("not a JSON object");
    } catch (DecodeException e) {
      String m = String.valueOf(e.getMessage());
      throw new DecodeException(m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m);
    }
  }

  static Buffer bytes(JsonObject file) {
    return Buffer.buffer(file.encodePrettily()).appendString("\n");
  }

  /**
   * A file's bytes as a state.
   *
   * @throws DecodeException when they do not parse or the document does not satisfy the schema
   */
  public static StoreState read(ConfigRules rules, Buffer bytes) {
    return state(rules, decode(bytes));
  }

  /**
   * A file's contents as a state.
   *
   * @throws DecodeException when the document does not satisfy the schema
   */
  static StoreState state(ConfigRules rules, Contents c) {
    try {
      return rules.state(c.revision(), c.overrides(), c.savedAt(), c.epoch());
    } catch (ConfigFailure invalid) {
      throw new DecodeException("does not satisfy the schema: " + invalid.errors());
    }
  }
}
