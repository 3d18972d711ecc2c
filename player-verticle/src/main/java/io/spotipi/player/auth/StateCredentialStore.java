package io.spotipi.player.auth;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.spotipi.shared.message.StateDocument;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Credentials in the config owner's internal state, section {@link StateSections#SPOTIFY}: durable in
 * the owner's state file (owner-only from the moment it exists), replicated like it in a cluster, and
 * never part of the user's config, its events, history or backups. A rotation is a compare-and-set on
 * the section, so it never overwrites credentials the user stored meanwhile.
 *
 * <p>Confined to the context of the {@link StateClient} it uses.
 */
public final class StateCredentialStore implements CredentialStore {
  private final StateClient state;

  public StateCredentialStore(StateClient state) {
    this.state = state;
  }

  @Override
  public Future<Stored> load() {
    return state.load(StateSections.SPOTIFY).map(StateCredentialStore::stored);
  }

  @Override
  public Future<Void> save(SpotifyCredentials credentials) {
    return state.commit(StateSections.SPOTIFY, null, toState(credentials).toJson()).mapEmpty();
  }

  @Override
  public Future<Void> saveRotated(SpotifyCredentials used, String rotatedRefreshToken) {
    JsonObject rotated = toState(used.withRefreshToken(rotatedRefreshToken)).toJson();
    return state.transaction(StateSections.SPOTIFY, value -> {
      if (!stored(value).admitsRotationOf(used)) {
        throw new ConfigFailure(ErrorCode.CONFLICT, Stored.REPLACED);
      }
      value.clear().mergeIn(rotated);
    }).mapEmpty();
  }

  @Override
  public Future<Void> disconnect() {
    return state.commit(StateSections.SPOTIFY, null, SpotifyState.DISCONNECTED_MARK.toJson()).mapEmpty();
  }

  private static Stored stored(StateDocument doc) {
    return stored(doc.value());
  }

  /** The owner checked the shape on commit: a value that does not parse is a bug, and fails the load. */
  private static Stored stored(JsonObject value) {
    SpotifyState s = SpotifyState.fromJson(value);
    if (s.disconnected()) {
      return Stored.DISCONNECTED;
    }
    return s.holdsCredentials()
        ? new Stored(new SpotifyCredentials(s.clientId(), s.clientSecret(), s.refreshToken(), s.authorizedAt()), false)
        : Stored.NOTHING;
  }

  private static SpotifyState toState(SpotifyCredentials c) {
    return SpotifyState.credentials(c.clientId(), c.clientSecret(), c.refreshToken(), c.authorizedAt());
  }
}
