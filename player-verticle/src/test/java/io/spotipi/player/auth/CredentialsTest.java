package io.spotipi.player.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.client.TokenGrant;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String SECRET = "client-secret-value-123";
  private static final String REFRESH = "AQRefreshTokenValue456";

  @Test
  void toStringShowsNoSecretAndNoToken() {
    SpotifyCredentials c = new SpotifyCredentials("cid", SECRET, REFRESH, Instant.parse("2026-11-01T00:00:00Z"));
    String text = c.toString();
    assertFalse(text.contains(SECRET) || text.contains(REFRESH), text);
    assertTrue(text.contains("cid") && text.contains("2026-11-01"), text);
    String rotated = c.withRefreshToken("NEW-TOKEN-789").toString();
    assertFalse(rotated.contains("NEW-TOKEN-789"), rotated);
    assertEquals("SpotifyCredentials[clientId=cid, clientSecret=none (PKCE), refreshToken=none, authorizedAt=null]",
        new SpotifyCredentials("cid", null, null, null).toString());
    String grant = new TokenGrant("ACCESS-TOKEN-000", 3600, "scope", REFRESH).toString();
    assertFalse(grant.contains("ACCESS-TOKEN-000") || grant.contains(REFRESH), grant);
  }

  @Test
  void aClientIdIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> new SpotifyCredentials(" ", SECRET, REFRESH, null));
  }

  @Test
  void theEnvironmentWinsKeyByKeyOverTheFileAndEmptyCountsAsUnset() {
    Map<String, String> env = Map.of("SPOTIFY_CLIENT_ID", "env-id", "SPOTIFY_REFRESH_TOKEN", "");
    Map<String, String> file = Map.of("SPOTIFY_CLIENT_ID", "file-id", "SPOTIFY_CLIENT_SECRET", "file-secret",
        "SPOTIFY_REFRESH_TOKEN", "file-refresh");
    assertEquals(Optional.of(new SpotifyCredentials("env-id", "file-secret", "file-refresh", null)),
        CredentialSources.fromVariables(env, file));
  }

  @Test
  void withoutAClientIdThereAreNoCredentialsAndWithoutASecretItIsPkce() {
    assertEquals(Optional.empty(), CredentialSources.fromVariables(Map.of("SPOTIFY_REFRESH_TOKEN", "r"), Map.of()));
    SpotifyCredentials pkce = CredentialSources.fromVariables(Map.of(),
        Map.of("SPOTIFY_CLIENT_ID", "id", "SPOTIFY_REFRESH_TOKEN", "r")).orElseThrow();
    assertTrue(pkce.pkce() && pkce.authorized());
    SpotifyCredentials unauthorized = CredentialSources.fromVariables(Map.of("SPOTIFY_CLIENT_ID", "id"), Map.of())
        .orElseThrow();
    assertFalse(unauthorized.authorized());
  }
}
