package io.spotipi.shared;

import io.spotipi.shared.message.ConfigDocument;

/**
 * The near cache of one {@link ConfigClient} and its freshness rules. A snapshot is fresh while no
 * change event announced a newer revision and no invalidation dropped it, and nothing older than an
 * announced revision is ever cached. The newest snapshot seen stays known after it is dropped: while
 * the owner does not answer, reads are answered from it, marked {@linkplain ConfigSnapshot#stale() stale}.
 *
 * <p>Confined to its client's context, like the client.
 */
final class NearCache {
  private ConfigSnapshot fresh;
  /** The newest snapshot seen, fresh or not; a fresh one is always of its revision. */
  private ConfigSnapshot lastKnown;
  /** {@link #lastKnown} marked stale, made once per snapshot. */
  private ConfigSnapshot lastKnownStale;
  /** The highest revision a change event announced: nothing older may be cached. */
  private long announced = -1;
  private long hits;
  private long misses;

  /**
   * The fresh snapshot if it is at least {@code minRevision} (-1: any), counted as a hit; else
   * {@code null}, counted as a miss.
   */
  ConfigSnapshot lookup(long minRevision) {
    ConfigSnapshot snap = fresh;
    if (snap != null && snap.revision() >= minRevision) {
      hits++;
      return snap;
    }
    misses++;
    return null;
  }

  /** The fresh snapshot, counted as a hit, or {@code null} and nothing is counted. */
  ConfigSnapshot peek() {
    ConfigSnapshot snap = fresh;
    if (snap != null) {
      hits++;
    }
    return snap;
  }

  /** Whether a fresh snapshot is cached (nothing is counted). */
  boolean hasFresh() {
    return fresh != null;
  }

  /** The newest snapshot seen, marked stale, if it is at least {@code minRevision}; else {@code null}. */
  ConfigSnapshot stale(long minRevision) {
    ConfigSnapshot known = lastKnown;
    if (known == null || known.revision() < minRevision) {
      return null;
    }
    if (lastKnownStale == null) {
      lastKnownStale = known.markedStale();
    }
    return lastKnownStale;
  }

  long announced() {
    return announced;
  }

  /** Caches a document the owner sent unless a newer revision is known; returns it either way. */
  ConfigSnapshot remember(ConfigDocument doc) {
    ConfigSnapshot snap = ConfigSnapshot.ofOwnerDocument(doc.revision(), doc.config());
    if (lastKnown == null || lastKnown.revision() < doc.revision()) {
      lastKnown = snap;
      lastKnownStale = null;
    }
    if (doc.revision() >= announced && (fresh == null || fresh.revision() < doc.revision())) {
      fresh = snap;
    }
    return snap;
  }

  /** A change event: a snapshot older than {@code revision} is no longer fresh. */
  void announce(long revision) {
    announced = Math.max(announced, revision);
    if (fresh != null && fresh.revision() < revision) {
      fresh = null;
    }
  }

  /** An invalidation: nothing is fresh until the owner answers again. */
  void drop() {
    fresh = null;
  }

  long hits() {
    return hits;
  }

  long misses() {
    return misses;
  }
}
