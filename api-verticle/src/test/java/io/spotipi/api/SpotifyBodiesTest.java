package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks of the Spotify routes' input that need no server. */
class SpotifyBodiesTest {
  @ParameterizedTest
  @ValueSource(strings = {"https://spotipi.example/api/spotify/callback", "HTTPS://spotipi.local:5001/cb",
      "http://127.0.0.1:5001/api/spotify/callback", "http://127.0.0.1/cb", "http://[::1]:8080/cb", "http://127.1.2.3/"})
  void spotifyTakesHttpsOrAPlainLoopbackLiteral(String uri) {
    assertNull(SpotifyBodies.redirectProblem(uri));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:5001/cb", "http://192.168.1.20:5001/cb", "http://spotipi.local/cb",
      "http://[fe80::1]/cb", "https://x/cb#top", "ftp://127.0.0.1/cb", "/api/spotify/callback", "https:/cb",
      "http://127.0.0.1:5001/a b"})
  void anyOtherRedirectIsRefusedBeforeSpotifySeesIt(String uri) {
    assertNotNull(SpotifyBodies.redirectProblem(uri));
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "", "a b", "a\tb", "a\u0000b", "a\u00a0b"})
  void textIsNotBlankAndHasNoSpaceOrControlCharacter(String value) {
    assertNotNull(SpotifyBodies.textProblem(value, 64));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 31, 32})
  void textIsBounded(int max) {
    String id = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    assertEquals(id.length() <= max, SpotifyBodies.textProblem(id, max) == null);
  }
}
