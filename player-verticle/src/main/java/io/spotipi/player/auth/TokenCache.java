package io.spotipi.player.auth;

import io.spotipi.shared.message.SpotifyStatus;
import io.spotipi.player.client.AccessTokens;
import io.spotipi.player.client.SpotifyError;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.client.TokenGrant;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one access token, shared by every caller. A token with less than the margin left is
 * refreshed first; callers that ask while a refresh runs wait for that one refresh (single flight). A
 * 401 drops the token it was given for. A refused refresh token ({@code invalid_grant}) or client
 * ({@code invalid_client}) turns the state to {@code reauthorize}: nothing is asked of Spotify again
 * until new credentials are {@link #use used}, so there is no retry loop against the accounts service.
 *
 * <p>Confined to one event loop: every method runs on the owning verticle's context.
 */
public class TokenCache implements AccessTokens {
  private static final Logger log = LoggerFactory.getLogger(TokenCache.class);
  /** Exactly what a fired alarm reports when there are no credentials. */
  public static final String NOT_CONNECTED = "Spotify not connected";
  private static final String OPERATION = "refresh the access token";

  public enum State {
    CONNECTED, NOT_CONFIGURED, REAUTHORIZE;

    /** The name in the status answer. */
    public String json() {
      return name().toLowerCase();
    }
  }

  private final Clock clock;
  private final Duration margin;
  private final TokenRefresh refresh;

  private SpotifyCredentials credentials;
  private State state = State.NOT_CONFIGURED;
  private String lastError;
  private String token;
  private Instant expiresAt = Instant.MIN;
  private Future<String> inflight;
  /** Bumped by {@link #use}: a refresh begun with older credentials must not install its result. */
  private long generation;
  private long refreshes;
  private long requests;
  private long hits;

  public TokenCache(Clock clock, Duration margin, TokenRefresh refresh) {
    this.clock = clock;
    this.margin = margin;
    this.refresh = refresh;
  }

  /** Switches to these credentials (null: none), dropping the token and any {@code reauthorize} state. */
  public void use(SpotifyCredentials next) {
    generation++;
    credentials = next;
    token = null;
    inflight = null;
    lastError = null;
    state = next != null && next.authorized() ? State.CONNECTED : State.NOT_CONFIGURED;
  }

  /**
   * Follows credentials loaded again (a change of the store, on any node). The same client with the
   * same refresh token, or with a refresh token another node rotated to (same authorization date),
   * is the same authorization: the access token and a refresh under way stay, so that a rotation does
   * not set off a refresh on every node; a rotated token also ends a {@code reauthorize} state that a
   * spent one caused. Anything else starts over as {@link #use}.
   */
  public void follow(SpotifyCredentials next) {
    if (next == null || credentials == null || !next.clientId().equals(credentials.clientId())
        || !Objects.equals(next.clientSecret(), credentials.clientSecret()) || next.authorized() != credentials.authorized()
        || !Objects.equals(next.refreshToken(), credentials.refreshToken())
            && !Objects.equals(next.authorizedAt(), credentials.authorizedAt())) {
      use(next);
      return;
    }
    boolean rotated = !Objects.equals(next.refreshToken(), credentials.refreshToken());
    credentials = next;
    if (rotated && state == State.REAUTHORIZE) {
      state = State.CONNECTED;
      lastError = null;
    }
  }

  public State state() {
    return state;
  }

  /** The credentials in use, with the newest refresh token; empty when none. */
  public Optional<SpotifyCredentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  @Override
  public Future<String> accessToken() {
    return accessToken(margin);
  }

  /** A token with at least {@code minValidity} left, refreshing first when the cached one has less. */
  public Future<String> accessToken(Duration minValidity) {
    requests++;
    if (state != State.CONNECTED) {
      return Future.failedFuture(stateError());
    }
    Duration need = minValidity.compareTo(margin) > 0 ? minValidity : margin;
    if (token != null && clock.instant().plus(need).isBefore(expiresAt)) {
      hits++;
      return Future.succeededFuture(token);
    }
    return refresh();
  }

  @Override
  public void rejected(String accessToken) {
    if (accessToken != null && accessToken.equals(token)) {
      token = null;
      log.info("Spotify rejected the access token (401): dropped, the next call refreshes");
    }
  }

  public SpotifyStatus status() {
    long left = token == null ? 0 : Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
    Double hitRate = requests == 0 ? null : (double) hits / requests;
    return new SpotifyStatus(state.json(), state == State.CONNECTED,
        credentials == null ? null : credentials.authorizedAt(),
        new SpotifyStatus.Token(left, refreshes, requests, hitRate), lastError);
  }

  private Future<String> refresh() {
    if (inflight != null) {
      return inflight;
    }
    long started = generation;
    SpotifyCredentials used = credentials;
    Instant asked = clock.instant();
    refreshes++;
    Future<String> done = refresh.refresh(used).transform(ar -> settle(started, used, asked, ar));
    // A refresh that failed at once has settled already and must not linger as the one in flight.
    inflight = done.isComplete() ? null : done;
    return done;
  }

  private Future<String> settle(long started, SpotifyCredentials used, Instant asked, AsyncResult<TokenGrant> ar) {
    if (started != generation) {
      return state == State.CONNECTED ? refresh() : Future.failedFuture(stateError());
    }
    inflight = null;
    if (ar.succeeded()) {
      TokenGrant grant = ar.result();
      if (grant.rotated()) {
        credentials = used.withRefreshToken(grant.refreshToken());
      }
      token = grant.accessToken();
      // Counted from when it was asked for: the answer may have taken a while.
      expiresAt = asked.plusSeconds(grant.expiresInSeconds());
      lastError = null;
      log.info("Spotify access token refreshed, valid for {} s{}", grant.expiresInSeconds(),
          grant.rotated() ? "; the rotated refresh token is stored" : "");
      return Future.succeededFuture(token);
    }
    Throwable err = ar.cause();
    if (err instanceof TokenRefresh.RotationNotStored r) {
      credentials = r.rotated();
    }
    SpotifyError error = SpotifyException.errorOf(err);
    if (error.isReason("invalid_grant") || error.isReason("invalid_client")) {
      state = State.REAUTHORIZE;
      lastError = (error.isReason("invalid_grant")
          ? "Spotify no longer accepts the authorization (it expired or was revoked)"
          : "Spotify does not accept the client id and secret")
          + ": connect Spotify again (" + error.describe() + ")";
      log.warn("{}", lastError);
      return Future.failedFuture(stateError());
    }
    lastError = err.getMessage();
    log.warn("Spotify access token refresh failed: {}", lastError);
    return Future.failedFuture(err instanceof SpotifyException ? err : new SpotifyException(OPERATION, error, err));
  }

  private SpotifyException stateError() {
    return state == State.REAUTHORIZE
        ? new SpotifyException(OPERATION, SpotifyError.of(SpotifyError.Kind.REAUTHORIZE, lastError))
        : new SpotifyException(OPERATION, SpotifyError.of(SpotifyError.Kind.NOT_CONNECTED, NOT_CONNECTED));
  }
}
