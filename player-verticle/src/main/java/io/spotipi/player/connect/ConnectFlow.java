package io.spotipi.player.connect;

import io.spotipi.player.auth.CredentialSources;
import io.spotipi.player.auth.CredentialStore;
import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.player.client.AccountsClient;
import io.spotipi.player.client.Pkce;
import io.spotipi.player.client.SpotifyFailures;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.message.AuthorizeReply;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.CallbackRequest;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting Spotify with the authorization-code flow: {@link #authorize} makes the address the user's
 * browser opens (with a fresh {@code state}, and PKCE when no client secret is known), {@link #callback}
 * takes what the browser came back with, checks the state (known, unused, at most ten minutes old),
 * exchanges the code and stores the credentials with the authorization date. A wrong state stores
 * nothing. Neither the code nor the address it came in is ever logged or echoed. Confined to the
 * owning verticle's event loop.
 */
public final class ConnectFlow {
  private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);
  static final String NO_CLIENT = "no Spotify app is known: put its client id first (PUT /api/spotify/credentials,"
      + " or SPOTIFY_CLIENT_ID in the environment or the env file)";
  static final String UNKNOWN_STATE = "this authorization is unknown, was used already or is older than 10 minutes:"
      + " nothing was stored; connect again";

  private final AccountsClient accounts;
  private final CredentialSources sources;
  private final CredentialStore store;
  private final PendingAuthorizations pending;
  private final Clock clock;

  public ConnectFlow(AccountsClient accounts, CredentialSources sources, CredentialStore store, Clock clock) {
    this.accounts = accounts;
    this.sources = sources;
    this.store = store;
    this.pending = new PendingAuthorizations(clock);
    this.clock = clock;
  }

  /** The address to send the browser to; fails BAD_REQUEST for a redirect URI Spotify would refuse. */
  public Future<AuthorizeReply> authorize(AuthorizeRequest request) {
    String redirect = request.redirectUri();
    Optional<String> problem = RedirectUris.problem(redirect);
    if (problem.isPresent()) {
      return Future.failedFuture(new ConfigFailure(ErrorCode.BAD_REQUEST, "redirect_uri " + problem.get(), null,
          List.of(new FieldError("redirect_uri", problem.get()))));
    }
    return sources.client().compose(known -> {
      if (known.isEmpty()) {
        return Future.failedFuture(new ConfigFailure(ErrorCode.NOT_CONNECTED, NO_CLIENT));
      }
      SpotifyCredentials app = new SpotifyCredentials(known.get().clientId(), known.get().clientSecret(), null, null);
      String state = Pkce.newState();
      String verifier = app.pkce() ? Pkce.newVerifier() : null;
      pending.add(state, app, redirect, verifier);
      log.info("Spotify authorization begun for client {} ({}), back to {}", app.clientId(),
          app.pkce() ? "PKCE" : "client secret", redirect);
      return Future.succeededFuture(new AuthorizeReply(
          accounts.authorizeUrl(app.clientId(), redirect, state, verifier == null ? null : Pkce.challenge(verifier)),
          state));
    });
  }

  /**
   * Finishes an authorization: the credentials now stored. Fails BAD_REQUEST for a wrong, reused or
   * expired state, a denial or a code Spotify does not take, leaving the store as it was.
   */
  public Future<SpotifyCredentials> callback(CallbackRequest request) {
    CallbackInput.Callback back;
    try {
      back = CallbackInput.parse(request);
    } catch (ConfigFailure bad) {
      return Future.failedFuture(bad);
    }
    Optional<PendingAuthorizations.Pending> begun = pending.take(back.state());
    if (begun.isEmpty()) {
      log.warn("Spotify callback refused: {}", UNKNOWN_STATE);
      return Future.failedFuture(new ConfigFailure(ErrorCode.BAD_REQUEST, UNKNOWN_STATE));
    }
    SpotifyCredentials app = begun.get().client();
    return accounts.exchangeCode(app.clientId(), app.clientSecret(), back.code(), begun.get().redirectUri(),
            begun.get().codeVerifier())
        .recover(err -> Future.failedFuture(SpotifyFailures.failure(err)))
        .compose(grant -> {
          if (!grant.rotated()) {
            return Future.failedFuture(new ConfigFailure(ErrorCode.UNAVAILABLE,
                "Spotify's answer to the code held no refresh token: nothing was stored; connect again"));
          }
          SpotifyCredentials connected = new SpotifyCredentials(app.clientId(), app.clientSecret(),
              grant.refreshToken(), clock.instant());
          return store.save(connected).map(connected);
        })
        .onSuccess(c -> log.info("Spotify connected: {}", c))
        .onFailure(err -> log.warn("Spotify callback failed: {}", err.getMessage()));
  }
}
