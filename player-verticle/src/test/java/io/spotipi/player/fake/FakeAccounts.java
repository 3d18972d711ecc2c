package io.spotipi.player.fake;

import io.spotipi.player.client.Pkce;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fake's accounts service: one registered client, the refresh tokens it has issued, the access
 * tokens and their expiry. It can rotate refresh tokens on every refresh (as with PKCE), expire the
 * access tokens at once (mid-fade), revoke the refresh tokens ({@code invalid_grant}).
 */
public final class FakeAccounts {
  public static final String CLIENT_ID = "fake-client-id";
  public static final String CLIENT_SECRET = "fake-client-secret-0123456789";

  private record Code(String redirectUri, String challenge) {
  }

  private final Set<String> refreshTokens = new HashSet<>();
  private final Map<String, Long> accessExpiry = new HashMap<>();
  private final Map<String, Code> codes = new HashMap<>();
  private boolean rotate;
  private boolean denyNext;
  private long lifetimeSeconds = 3600;
  private String latestRefreshToken;

  /** A refresh token as if the user had just authorized the client. */
  public synchronized String issueRefreshToken() {
    latestRefreshToken = "refresh-" + UUID.randomUUID();
    refreshTokens.add(latestRefreshToken);
    return latestRefreshToken;
  }

  /** The refresh token issued last (after a rotation, the one that is valid). */
  public synchronized String latestRefreshToken() {
    return latestRefreshToken;
  }

  public synchronized boolean refreshTokenValid(String token) {
    return refreshTokens.contains(token);
  }

  /** Every refresh answers a new refresh token and invalidates the one it was asked with. */
  public synchronized FakeAccounts rotate(boolean on) {
    rotate = on;
    return this;
  }

  /** The {@code expires_in} of the access tokens it issues from now on. */
  public synchronized FakeAccounts lifetime(long seconds) {
    lifetimeSeconds = seconds;
    return this;
  }

  /** Every access token issued so far answers 401 from now on. */
  public synchronized void expireAccessTokens() {
    accessExpiry.replaceAll((token, expiry) -> 0L);
  }

  /** Every refresh token answers {@code invalid_grant} from now on (expired or revoked). */
  public synchronized void revokeRefreshTokens() {
    refreshTokens.clear();
  }

  /** A code the redirect would bring, for this redirect URI and (PKCE) challenge, or null without one. */
  public synchronized String authorizationCode(String redirectUri, String codeChallenge) {
    String code = "code-" + UUID.randomUUID();
    codes.put(code, new Code(redirectUri, codeChallenge));
    return code;
  }

  /** The user's next visit to the consent page clicks "Cancel": the browser comes back with access_denied. */
  public synchronized FakeAccounts denyNext() {
    denyNext = true;
    return this;
  }

  /**
   * {@code GET /authorize}, the consent page with the user agreeing at once: a redirect to the
   * {@code redirect_uri} with a fresh code (bound to that URI and a PKCE challenge) and the state.
   */
  void authorize(RoutingContext rc) {
    MultiMap q = rc.queryParams();
    String redirect = q.get("redirect_uri");
    String challenge = q.get("code_challenge");
    if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type")) || redirect == null
        || challenge != null && !"S256".equals(q.get("code_challenge_method"))) {
      rc.response().setStatusCode(400).end("INVALID_CLIENT: Invalid client or request");
      return;
    }
    boolean deny;
    synchronized (this) {
      deny = denyNext;
      denyNext = false;
    }
    String answer = deny ? "error=access_denied" : "code=" + encode(authorizationCode(redirect, challenge));
    String state = q.get("state") == null ? "" : "&state=" + encode(q.get("state"));
    rc.response().setStatusCode(302).putHeader("Location", redirect + (redirect.contains("?") ? "&" : "?") + answer
        + state).end();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  synchronized boolean validAccess(String token) {
    Long expiry = accessExpiry.get(token);
    return expiry != null && System.currentTimeMillis() < expiry;
  }

  void token(RoutingContext rc) {
    MultiMap form = rc.request().formAttributes();
    String clientError = clientError(rc.request().getHeader("Authorization"), form);
    if (clientError != null) {
      FakeSpotify.end(rc, 400, new JsonObject().put("error", "invalid_client").put("error_description", clientError));
      return;
    }
    JsonObject answer;
    synchronized (this) {
      answer = switch (String.valueOf(form.get("grant_type"))) {
        case "refresh_token" -> refresh(form.get("refresh_token"));
        case "authorization_code" -> exchange(form);
        default -> new JsonObject().put("error", "unsupported_grant_type");
      };
    }
    FakeSpotify.end(rc, answer.containsKey("error") ? 400 : 200, answer);
  }

  private JsonObject refresh(String refreshToken) {
    if (refreshToken == null || !refreshTokens.contains(refreshToken)) {
      return new JsonObject().put("error", "invalid_grant").put("error_description", "Invalid refresh token");
    }
    JsonObject answer = access();
    if (rotate) {
      refreshTokens.remove(refreshToken);
      answer.put("refresh_token", issueRefreshToken());
    }
    return answer;
  }

  private JsonObject exchange(MultiMap form) {
    Code code = codes.remove(String.valueOf(form.get("code")));
    if (code == null || !code.redirectUri().equals(form.get("redirect_uri"))) {
      return new JsonObject().put("error", "invalid_grant").put("error_description", "Invalid authorization code");
    }
    if (code.challenge() != null && (form.get("code_verifier") == null
        || !code.challenge().equals(Pkce.challenge(form.get("code_verifier"))))) {
      return new JsonObject().put("error", "invalid_grant").put("error_description", "code_verifier was incorrect");
    }
    return access().put("refresh_token", issueRefreshToken());
  }

  private JsonObject access() {
    String token = "access-" + UUID.randomUUID();
    accessExpiry.put(token, System.currentTimeMillis() + lifetimeSeconds * 1000);
    return new JsonObject().put("access_token", token).put("token_type", "Bearer")
        .put("scope", "user-read-playback-state user-modify-playback-state").put("expires_in", lifetimeSeconds);
  }

  /** Basic {@code id:secret}, or (PKCE) the client id in the body and no secret anywhere. */
  private static String clientError(String authorization, MultiMap form) {
    if (authorization != null && authorization.startsWith("Basic ")) {
      String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
      return pair.equals(CLIENT_ID + ":" + CLIENT_SECRET) ? null : "Invalid client secret";
    }
    return CLIENT_ID.equals(form.get("client_id")) && form.get("client_secret") == null ? null : "Invalid client";
  }
}
