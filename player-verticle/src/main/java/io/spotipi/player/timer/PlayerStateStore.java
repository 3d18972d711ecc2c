package io.spotipi.player.timer;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.StateDocument;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * The {@link StateSections#PLAYER} section of the owner's internal state, as {@link PlayerState}s, and
 * the newest value this player has seen of it (by the section's revision: a late answer never
 * replaces a newer one). Confined to the player's event loop.
 */
public final class PlayerStateStore {
  private final StateClient state;
  private long revision = -1;
  private PlayerState latest = PlayerState.NONE;

  public PlayerStateStore(StateClient state) {
    this.state = state;
  }

  /** The newest value seen, from a load, an update or a change; {@link PlayerState#NONE} before any. */
  public PlayerState latest() {
    return latest;
  }

  public Future<PlayerState> load() {
    return state.load(StateSections.PLAYER).map(this::remember);
  }

  /**
   * The section for a status read: as the owner has it, or, while no owner answers (a failover, or
   * none left), the newest value this player has seen, which its timers run on too. Fails when it has
   * seen none.
   */
  public Future<PlayerState> read() {
    if (revision >= 0 && state.stale()) {
      return Future.succeededFuture(latest);
    }
    return load().recover(err -> revision >= 0 && err instanceof ConfigFailure f && f.code() == ErrorCode.UNAVAILABLE
        ? Future.succeededFuture(latest) : Future.failedFuture(err));
  }

  /**
   * A compare-and-set of the section (retried on a lost race with the change run again on the winner's
   * value); a change that changes nothing commits nothing. Completes with the value as it now stands.
   */
  public Future<PlayerState> update(UnaryOperator<PlayerState> change) {
    return state.transaction(StateSections.PLAYER, value -> {
      JsonObject next = change.apply(PlayerState.fromJson(value)).toJson();
      value.getMap().keySet().retainAll(next.fieldNames());
      value.mergeIn(next);
    }).map(this::remember);
  }

  /** Called after each durable change of the section, by any player. */
  public void onChange(Runnable listener) {
    state.onChange(event -> {
      if (StateSections.PLAYER.equals(event.section())) {
        listener.run();
      }
    });
  }

  private PlayerState remember(StateDocument doc) {
    PlayerState value = PlayerState.fromJson(doc.value());
    if (doc.revision() >= revision) {
      revision = doc.revision();
      latest = value;
    }
    return value;
  }
}
