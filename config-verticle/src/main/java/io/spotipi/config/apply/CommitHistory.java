package io.spotipi.config.apply;

import io.spotipi.shared.message.HistoryEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The newest commits, in memory, oldest first; a bounded ring that drops the oldest. */
public final class CommitHistory {
  public static final int CAPACITY = 1_000;

  private final ArrayDeque<HistoryEntry> entries = new ArrayDeque<>();
  private final int capacity;

  public CommitHistory(int capacity) {
    this.capacity = capacity;
  }

  public void add(HistoryEntry entry) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  public int size() {
    return entries.size();
  }

  /** The newest {@code limit} entries, oldest first. */
  public List<HistoryEntry> newest(int limit) {
    List<HistoryEntry> out = new ArrayList<>(Math.min(limit, entries.size()));
    Iterator<HistoryEntry> it = entries.descendingIterator();
    while (it.hasNext() && out.size() < limit) {
      out.add(0, it.next());
    }
    return out;
  }

  /** Entries with a revision above {@code revision}, oldest first, at most {@code limit}. */
  public List<HistoryEntry> after(long revision, int limit) {
    List<HistoryEntry> out = new ArrayList<>();
    for (HistoryEntry e : entries) {
      if (e.revision() > revision && out.size() < limit) {
        out.add(e);
      }
    }
    return out;
  }
}
