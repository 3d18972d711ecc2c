package io.spotipi.player.connect;

import io.spotipi.player.auth.SpotifyCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorizations begun and not yet finished, by their {@code state}: each is taken once, expires
 * after {@link #TTL}, and the oldest make way when {@link #MAX} are open, so that nobody can grow this
 * by asking for authorize addresses. A callback whose state is not here (wrong, reused, expired) stores
 * nothing. Kept in this node's memory: the callback is pasted into the node that made the address.
 * Pure; confined to one thread.
 */
public final class PendingAuthorizations {
  public static final Duration TTL = Duration.ofMinutes(10);
  public static final int MAX = 16;

  /**
   * One authorization under way. {@link #toString()} shows neither the secret nor the verifier.
   *
   * @param client the app it authorizes (its secret, or none for PKCE), without a refresh token
   * @param codeVerifier PKCE's verifier; null when the client has a secret
   */
  public record Pending(SpotifyCredentials client, String redirectUri, String codeVerifier, Instant createdAt) {
    @Override
    public String toString() {
      return "Pending[client=" + client + ", redirectUri=" + redirectUri + ", pkce=" + (codeVerifier != null)
          + ", createdAt=" + createdAt + "]";
    }
  }

  private final Clock clock;
  private final Map<String, Pending> open = new LinkedHashMap<>();

  public PendingAuthorizations(Clock clock) {
    this.clock = clock;
  }

  /** Remembers an authorization under its state. */
  public void add(String state, SpotifyCredentials client, String redirectUri, String codeVerifier) {
    dropExpired();
    while (open.size() >= MAX) {
      Iterator<String> oldest = open.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    open.put(state, new Pending(client, redirectUri, codeVerifier, clock.instant()));
  }

  /** The authorization of this state, once; empty when it is unknown, was taken already, or expired. */
  public Optional<Pending> take(String state) {
    dropExpired();
    return Optional.ofNullable(state == null ? null : open.remove(state));
  }

  public int size() {
    dropExpired();
    return open.size();
  }

  private void dropExpired() {
    Instant oldest = clock.instant().minus(TTL);
    open.values().removeIf(p -> !p.createdAt().isAfter(oldest));
  }
}
