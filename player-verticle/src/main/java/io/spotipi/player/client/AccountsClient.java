package io.spotipi.player.client;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spotify's accounts service: the authorize address a user opens, and the token endpoint
 * ({@code POST /api/token}) for the code exchange and the refresh. With a client secret the client
 * authenticates with HTTP Basic; without one (PKCE) it sends its {@code client_id} in the body.
 */
public class AccountsClient {
  /** What an alarm clock and its music picker need. */
  public static final List<String> SCOPES = List.of("user-read-playback-state", "user-modify-playback-state",
      "user-read-currently-playing", "playlist-read-private", "user-library-read", "user-read-recently-played",
      "user-top-read", "user-follow-read");
  private static final String REFRESH = "refresh the access token";
  private static final String EXCHANGE = "exchange the authorization code";

  private final WebClient web;
  private final String accountsUrl;
  private final long timeoutMs;

  public AccountsClient(WebClient web, String accountsUrl, Duration timeout) {
    this.web = web;
    this.accountsUrl = trimSlash(accountsUrl);
    this.timeoutMs = timeout.toMillis();
  }

  /**
   * The address the user's browser opens to authorize; Spotify sends it back to {@code redirectUri}
   * with {@code code} and {@code state}.
   *
   * @param codeChallenge PKCE's S256 challenge ({@link Pkce#challenge}), or null with a client secret
   */
  public String authorizeUrl(String clientId, String redirectUri, String state, String codeChallenge) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", clientId);
    q.put("response_type", "code");
    q.put("redirect_uri", redirectUri);
    q.put("scope", String.join(" ", SCOPES));
    q.put("state", state);
    if (codeChallenge != null) {
      q.put("code_challenge_method", "S256");
      q.put("code_challenge", codeChallenge);
    }
    return accountsUrl + "/authorize?" + q.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
  }

  /** A new access token for the refresh token; the grant carries a rotated refresh token when Spotify sent one. */
  public Future<TokenGrant> refresh(String clientId, String clientSecret, String refreshToken) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "refresh_token").add("refresh_token", refreshToken);
    return token(REFRESH, clientId, clientSecret, form);
  }

  /**
   * Exchanges the code the redirect brought for the first tokens.
   *
   * @param clientSecret null for PKCE, which then needs {@code codeVerifier}
   */
  public Future<TokenGrant> exchangeCode(String clientId, String clientSecret, String code, String redirectUri,
      String codeVerifier) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "authorization_code").add("code", code).add("redirect_uri", redirectUri);
    if (codeVerifier != null) {
      form.add("code_verifier", codeVerifier);
    }
    return token(EXCHANGE, clientId, clientSecret, form);
  }

  private Future<TokenGrant> token(String operation, String clientId, String clientSecret, MultiMap form) {
    HttpRequest<Buffer> req = web.requestAbs(HttpMethod.POST, accountsUrl + "/api/token").timeout(timeoutMs);
    if (clientSecret == null) {
      form.add("client_id", clientId);
    } else {
      req.basicAuthentication(clientId, clientSecret);
    }
    return Responses.checked(operation, req.sendForm(form)).map(response -> {
      try {
        return TokenGrant.fromJson(Responses.json(operation, response));
      } catch (IllegalArgumentException e) {
        throw new SpotifyException(operation, SpotifyError.http(response.statusCode(), null, e.getMessage(), null));
      }
    });
  }

  static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
