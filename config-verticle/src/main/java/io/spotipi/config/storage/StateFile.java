package io.spotipi.config.storage;

import io.spotipi.config.apply.ConfigRules;
import io.spotipi.config.apply.InternalState;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The on-disk format of {@code <env>.state.json}, the internal state: {@code _meta} as in the user's
 * file (the state's own revision, {@code saved_at}, {@code epoch}) and {@code sections}, each
 * {@code {"revision": n, "value": {...}}}. One atomic rename commits every section together.
 */
public final class StateFile {
  private static final String SECTIONS = "sections";
  private static final String REVISION = "revision";
  private static final String VALUE = "value";

  private StateFile() {
  }

  public static Buffer encode(InternalState state) {
    JsonObject sections = new JsonObject();
    state.sections().forEach((name, s) -> sections.put(name,
        new JsonObject().put(REVISION, s.revision()).put(VALUE, s.value().copy())));
    return StoredFile.bytes(new JsonObject()
        .put(ConfigRules.META, StoredFile.meta(state.revision(), state.savedAt(), state.epoch()))
        .put(SECTIONS, sections));
  }

  /**
   * Parses a file's bytes. Sections this version does not know are kept.
   *
   * @throws DecodeException when they are not a state file; the message never quotes a value
   */
  public static InternalState decode(Buffer bytes) {
    JsonObject file;
    try {
      file = StoredFile.object(bytes);
    } catch (DecodeException e) {
      throw new DecodeException("not a JSON object"); // the parser's message may quote the text: a secret
    }
    StoredFile.Meta meta = StoredFile.meta(file.getValue(ConfigRules.META));
    Object sections = file.getValue(SECTIONS);
    if (sections != null && !(sections instanceof JsonObject)) {
      throw new DecodeException(SECTIONS + " must be an object");
    }
    Map<String, InternalState.Section> out = new TreeMap<>();
    if (sections != null) {
      for (Map.Entry<String, Object> e : (JsonObject) sections) {
        if (!(e.getValue() instanceof JsonObject s) || !(s.getValue(REVISION) instanceof Number rev)
            || rev.longValue() < 0 || !(s.getValue(VALUE) instanceof JsonObject value)) {
          throw new DecodeException("section " + e.getKey() + " must hold a non-negative revision and an object value");
        }
        out.put(e.getKey(), new InternalState.Section(rev.longValue(), value));
      }
    }
    return new InternalState(meta.revision(), out, meta.savedAt(), meta.epoch());
  }
}
