package io.spotipi.player.connect;

import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import java.time.Instant;
import java.util.List;

/** Credentials a user puts: checked field by field (the messages never quote a value), then stored. Pure. */
public final class CredentialsInput {
  private CredentialsInput() {
  }

  /**
   * @param now the authorization date recorded with a refresh token (refresh tokens expire some months
   *     after the user authorized)
   * @throws ConfigFailure INVALID with one error per bad field
   */
  public static SpotifyCredentials parse(SpotifyCredentialsRequest request, Instant now) {
    List<FieldError> errors = SpotifyState.check(request.clientId(), request.clientSecret(), request.refreshToken());
    if (!errors.isEmpty()) {
      throw new ConfigFailure(ErrorCode.INVALID, "the Spotify credentials are not valid", null, errors);
    }
    return new SpotifyCredentials(request.clientId(), request.clientSecret(), request.refreshToken(),
        request.refreshToken() == null ? null : now);
  }
}
