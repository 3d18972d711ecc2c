package io.spotipi.config.apply;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One revision of the internal state: named sections the user never sees, each with its own
 * revision for compare-and-set. The state's own revision counts its commits (it orders copies in a
 * cluster, with the epoch, as a {@link StoreState} does) and is not the user's config revision.
 * Never mutated once built.
 */
public record InternalState(long revision, Map<String, Section> sections, Instant savedAt, long epoch)
    implements Revisioned<InternalState> {

  /** One section's value at its revision; revision 0 is a section never written. */
  public record Section(long revision, JsonObject value) {
    static final Section NONE = new Section(0, new JsonObject());

    @Override
    public String toString() {
      return "Section[revision=" + revision + "]"; // a value may hold secrets
    }
  }

  /** No section written yet. */
  public static final InternalState EMPTY = new InternalState(0, Map.of(), null, 0);

  public InternalState {
    sections = Map.copyOf(sections);
  }

  /** The named section, or revision 0 with an empty value. */
  public Section section(String name) {
    return sections.getOrDefault(name, Section.NONE);
  }

  /** The next revision, with {@code name} set to {@code value} at its next revision. */
  public InternalState with(String name, JsonObject value, Instant at) {
    Map<String, Section> next = new TreeMap<>(sections);
    next.put(name, new Section(section(name).revision() + 1, value));
    return new InternalState(revision + 1, next, at, epoch);
  }

  @Override
  public InternalState withEpoch(long newEpoch) {
    return new InternalState(revision, sections, savedAt, newEpoch);
  }
}
