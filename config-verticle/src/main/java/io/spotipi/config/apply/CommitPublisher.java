package io.spotipi.config.apply;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.message.ConfigChanged;
import io.spotipi.shared.message.HistoryEntry;
import io.vertx.core.eventbus.EventBus;

/**
 * A durable commit is remembered in the history (what the SSE replay reads) and announced on
 * {@code spotipi.config.changed}, so every near cache and standby catches up.
 */
public final class CommitPublisher implements Publishing {
  private final EventBus bus;
  private final CommitHistory history;

  public CommitPublisher(EventBus bus, CommitHistory history) {
    this.bus = bus;
    this.history = history;
  }

  @Override
  public void publish(CommitPipeline.Committed c) {
    StoreState s = c.state();
    history.add(new HistoryEntry(s.revision(), s.savedAt(), c.origin(), c.changedKeys()));
    bus.publish(Addresses.CONFIG_CHANGED, new ConfigChanged(s.revision(), c.changedKeys(), c.origin()));
  }
}
