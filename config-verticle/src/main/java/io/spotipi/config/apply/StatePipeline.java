package io.spotipi.config.apply;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.message.StateChanged;
import io.spotipi.shared.message.StateCommitRequest;
import io.spotipi.shared.message.StateDocument;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer apply loop of the internal state: a commit replaces one section's value,
 * compare-and-set on that section's revision, and is acknowledged once durable (through its own
 * {@link GroupCommit}, so it never waits for, or bumps, the user's config). Each durable commit is
 * announced on {@code spotipi.state.changed}, with the section and its revision only.
 *
 * <p>Confined to the owning verticle's event loop.
 */
public final class StatePipeline {
  private static final Logger log = LoggerFactory.getLogger(StatePipeline.class);

  private record Committed(String section, long revision, String origin) {
  }

  private final Clock clock;
  private final GroupCommit<InternalState, Committed> writes;

  public StatePipeline(InternalState initial, Durability<InternalState> durability, EventBus bus, Clock clock) {
    this.clock = clock;
    this.writes = new GroupCommit<>(initial, durability, new GroupCommit.Listener<>() {
      @Override
      public void durable(Committed c, long startNanos) {
        log.info("state {} revision {} durable ({})", c.section(), c.revision(), c.origin());
        bus.publish(Addresses.STATE_CHANGED, new StateChanged(c.section(), c.revision()));
      }

      @Override
      public void batch(int size) {
      }

      @Override
      public void failed(int commits) {
      }
    });
  }

  /** The latest durable state. */
  public InternalState durable() {
    return writes.durable();
  }

  /**
   * A section's durable value.
   *
   * @throws ConfigFailure BAD_REQUEST for a section that does not exist
   */
  public StateDocument load(String section) {
    StateRules.requireSection(section);
    return document(section, writes.durable());
  }

  /** Replaces a section's value; completes once durable, or fails (BAD_REQUEST, INVALID, CONFLICT, STORAGE). */
  public Future<StateDocument> commit(StateCommitRequest request) {
    String section = request.section();
    try {
      StateRules.requireValid(section, request.value());
    } catch (ConfigFailure rejected) {
      return Future.failedFuture(rejected);
    }
    InternalState pending = writes.pending();
    InternalState.Section current = pending.section(section);
    Long expected = request.expectedRevision();
    if (expected != null && expected != current.revision()) {
      return Future.failedFuture(ConfigFailure.conflict(current.revision(), expected, current.value().copy()));
    }
    InternalState next = pending.with(section, request.value().copy(), clock.instant());
    long revision = next.section(section).revision();
    return writes.submit(next, new Committed(section, revision, request.origin()), System.nanoTime())
        .map(s -> document(section, s));
  }

  /** Completes when no commit is queued or being written. */
  public Future<Void> drain() {
    return writes.drain();
  }

  /** A copy: in one JVM the reply travels by reference, and the receiver may change what it got. */
  private static StateDocument document(String section, InternalState state) {
    InternalState.Section s = state.section(section);
    return new StateDocument(section, s.revision(), s.value().copy());
  }
}
