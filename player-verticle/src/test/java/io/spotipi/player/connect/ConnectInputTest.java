package io.spotipi.player.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connect flow's pure parts: redirect URIs, pending authorizations, what the browser brings back, credentials. */
class ConnectInputTest {
  private static final Instant T0 = Instant.parse("2026-12-01T05:00:00Z");
  private static final SpotifyCredentials APP = new SpotifyCredentials("id", "secret", null, null);

  @Test
  void redirectUrisAreHttpsOrLoopbackIpLiterals() {
    for (String good : List.of("https://pi.example/cb", "http://127.0.0.1:5001/api/spotify/callback",
        "http://127.0.0.1/cb", "http://[::1]:5001/cb", "HTTP://127.0.0.1:8080/")) {
      assertEquals(Optional.empty(), RedirectUris.problem(good), good);
    }
    for (String bad : List.of("http://localhost:5001/cb", "http://spotipi.local:5001/cb", "http://10.0.0.2/cb",
        "http://127.0.0.1.evil.example/cb", "https://user@pi.example/cb", "https://pi.example/cb#x", "/relative",
        "mailto:me@example.com", "https://pi.example/a b", "https://pi.example/" + "x".repeat(2048), " ")) {
      assertTrue(RedirectUris.problem(bad).isPresent(), bad);
    }
    assertTrue(RedirectUris.problem("http://localhost/cb").orElseThrow().contains("refuses localhost"));
  }

  @Test
  void aPendingAuthorizationIsTakenOnceAndExpiresAfterTenMinutes() {
    MutableClock clock = new MutableClock(T0);
    PendingAuthorizations pending = new PendingAuthorizations(clock);
    pending.add("s1", APP, "https://pi.example/cb", "verifier-1");
    pending.add("s2", APP, "https://pi.example/cb", null);
    assertEquals("verifier-1", pending.take("s1").orElseThrow().codeVerifier());
    assertEquals(Optional.empty(), pending.take("s1"), "single use");
    assertEquals(Optional.empty(), pending.take("unknown"));
    assertEquals(Optional.empty(), pending.take(null));
    clock.set(T0.plus(PendingAuthorizations.TTL).minusSeconds(1));
    assertEquals(1, pending.size());
    clock.set(T0.plus(PendingAuthorizations.TTL));
    assertEquals(Optional.empty(), pending.take("s2"), "expired");
    assertFalse(new PendingAuthorizations.Pending(APP, "u", "verifier-1", T0).toString().contains("verifier-1"));
  }

  @Test
  void pendingAuthorizationsAreBoundedTheOldestMakingWay() {
    MutableClock clock = new MutableClock(T0);
    PendingAuthorizations pending = new PendingAuthorizations(clock);
    for (int i = 0; i < PendingAuthorizations.MAX + 5; i++) {
      pending.add("s" + i, APP, "https://pi.example/cb", null);
      clock.set(clock.instant().plus(Duration.ofMillis(1)));
    }
    assertEquals(PendingAuthorizations.MAX, pending.size());
    assertEquals(Optional.empty(), pending.take("s0"));
    assertTrue(pending.take("s" + (PendingAuthorizations.MAX + 4)).isPresent());
  }

  @Test
  void thePastedAddressGivesCodeAndState() {
    CallbackInput.Callback back = CallbackInput.parse(new CallbackRequest(
        "http://127.0.0.1:5001/api/spotify/callback?code=AQ%2Fcode_1&state=st-1", null, null));
    assertEquals("AQ/code_1", back.code());
    assertEquals("st-1", back.state());
    assertEquals(new CallbackInput.Callback("c", "s"), CallbackInput.parse(new CallbackRequest(null, "c", "s")));
    assertFalse(back.toString().contains("AQ/code_1"));
  }

  @Test
  void whatIsNotACallbackIsABadRequestThatNeverQuotesTheAddress() {
    String secret = "code-0123456789";
    for (CallbackRequest bad : List.of(new CallbackRequest(null, null, null),
        new CallbackRequest("https://x/cb?code=" + secret + "&state=s", secret, "s"),
        new CallbackRequest(null, secret, null), new CallbackRequest(null, secret + " x", "s"),
        new CallbackRequest("https://x/cb?code=" + secret, null, null),
        new CallbackRequest("https://x/cb?code=" + secret + "&code=" + secret + "&state=s", null, null),
        new CallbackRequest("https://x/cb?code=%zz" + secret + "&state=s", null, null),
        new CallbackRequest("not an address " + secret, null, null),
        new CallbackRequest("https://x/cb?error=access_denied&state=s", null, null),
        new CallbackRequest("https://x/cb?error=%3Cscript%3E&state=s", null, null))) {
      ConfigFailure f = assertThrows(ConfigFailure.class, () -> CallbackInput.parse(bad), bad.toString());
      assertEquals(ErrorCode.BAD_REQUEST, f.code());
      assertFalse(f.getMessage().contains(secret) || f.getMessage().contains("<script>"), f.getMessage());
    }
  }

  @Test
  void putCredentialsAreCheckedFieldByFieldAndDatedWithARefreshToken() {
    SpotifyCredentials c = CredentialsInput.parse(new SpotifyCredentialsRequest("id", "secret", "token"), T0);
    assertEquals(new SpotifyCredentials("id", "secret", "token", T0), c);
    assertEquals(new SpotifyCredentials("id", null, null, null),
        CredentialsInput.parse(new SpotifyCredentialsRequest("id", null, null), T0));
    ConfigFailure f = assertThrows(ConfigFailure.class,
        () -> CredentialsInput.parse(new SpotifyCredentialsRequest("", "s3cr3t\n", "t"), T0));
    assertEquals(ErrorCode.INVALID, f.code());
    assertEquals(List.of("client_id", "client_secret"), f.errors().stream().map(e -> e.field()).toList());
    assertFalse(f.toString().contains("s3cr3t"), f.toString());
  }
}
