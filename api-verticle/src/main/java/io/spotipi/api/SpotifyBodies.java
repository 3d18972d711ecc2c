package io.spotipi.api;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The requests of the Spotify routes, checked before anything reaches the player: strings, not blank,
 * bounded, without spaces or control characters (surrounding whitespace from a paste is trimmed), and
 * no field the route does not know (422 with every field's error). Messages name fields, never their
 * values: those may be secrets. Pure.
 */
final class SpotifyBodies {
  private SpotifyBodies() {
  }

  static final String CLIENT_ID = "client_id";
  static final String CLIENT_SECRET = "client_secret";
  static final String REFRESH_TOKEN = "refresh_token";
  static final String REDIRECT_URI = "redirect_uri";
  static final String URL = "url";
  static final String CODE = "code";
  static final String STATE = "state";
  static final String ERROR = "error";
  /** Spotify's client ids and secrets are 32 characters. */
  static final int MAX_CLIENT = 256;
  static final int MAX_TOKEN = 4096;
  static final int MAX_URL = 4096;
  static final int MAX_STATE = 512;
  /** RFC 6749's error codes: a fixed vocabulary, safe to repeat in an answer. */
  private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "unauthorized_client",
      "unsupported_response_type", "invalid_scope", "server_error", "temporarily_unavailable");

  /** {@code PUT /api/spotify/credentials}. */
  static SpotifyCredentialsRequest credentials(JsonObject body) {
    Fields f = new Fields(body, CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN);
    SpotifyCredentialsRequest request = new SpotifyCredentialsRequest(f.required(CLIENT_ID, MAX_CLIENT),
        f.required(CLIENT_SECRET, MAX_CLIENT), f.optional(REFRESH_TOKEN, MAX_TOKEN));
    f.check("send client_id and client_secret of your Spotify app, and refresh_token if you have one");
    return request;
  }

  /** {@code POST /api/spotify/authorize}. */
  static AuthorizeRequest authorize(JsonObject body) {
    Fields f = new Fields(body, REDIRECT_URI);
    String uri = f.required(REDIRECT_URI, MAX_URL);
    if (uri != null) {
      f.check(REDIRECT_URI, redirectProblem(uri));
    }
    f.check("send the redirect_uri registered for your Spotify app");
    return new AuthorizeRequest(uri);
  }

  /** {@code POST /api/spotify/callback}: {@code {url}} or {@code {code, state}}, exactly one of the two. */
  static CallbackRequest callback(JsonObject body) {
    if (body.containsKey(URL)) {
      Fields f = new Fields(body, URL);
      String url = f.required(URL, MAX_URL);
      f.check("send either url, or code and state, not both");
      Map<String, List<String>> query = query(url);
      declined(single(query, ERROR));
      String code = single(query, CODE);
      String state = single(query, STATE);
      if (code == null || state == null || code.isEmpty() || state.isEmpty()) {
        throw Problem.invalid("the address has no code and state",
            List.of(new FieldError(URL, "paste the whole address the browser landed on after Spotify's page")));
      }
      return new CallbackRequest(url, null, null);
    }
    Fields f = new Fields(body, CODE, STATE);
    CallbackRequest request = new CallbackRequest(null, f.required(CODE, MAX_TOKEN), f.required(STATE, MAX_STATE));
    f.check("send the address the browser landed on as url, or its code and state");
    return request;
  }

  /** {@code GET /api/spotify/callback?code=&state=}, as Spotify redirects the browser (400 when malformed). */
  static CallbackRequest callback(MultiMap query) {
    declined(single(query.getAll(ERROR), ERROR));
    return new CallbackRequest(null, parameter(query, CODE, MAX_TOKEN), parameter(query, STATE, MAX_STATE));
  }

  private static String parameter(MultiMap query, String name, int max) {
    String value = single(query.getAll(name), name);
    String why = value == null ? "is missing" : textProblem(value, max);
    if (why != null) {
      throw Problem.of(400, "the query parameter " + name + " " + why);
    }
    return value;
  }

  /** 400 when Spotify sent the browser back with an error instead of a code. */
  private static void declined(String error) {
    if (error == null) {
      return;
    }
    if ("access_denied".equals(error)) {
      throw Problem.of(400, "you declined SpotiPi's access at Spotify (access_denied): nothing was stored");
    }
    throw Problem.of(400, "Spotify did not authorize SpotiPi ("
        + (OAUTH_ERRORS.contains(error) ? error : "an error") + "): nothing was stored");
  }

  private static String single(List<String> values, String name) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw Problem.of(400, "the parameter " + name + " is given " + values.size() + " times");
    }
    return values.get(0);
  }

  private static String single(Map<String, List<String>> query, String name) {
    return single(query.get(name), name);
  }

  /** The query of a pasted address; its form was checked by {@link #textProblem}. */
  private static Map<String, List<String>> query(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getRawQuery() == null) {
        throw Problem.invalid("the address is not one the browser landed on",
            List.of(new FieldError(URL, "paste the whole address, from http to the end of its query")));
      }
      return new QueryStringDecoder(uri.getRawQuery(), false).parameters();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw Problem.invalid("the address is not a URL", List.of(new FieldError(URL, "is not a URL")));
    }
  }

  /**
   * Why Spotify would refuse this redirect URI, or {@code null}: it takes HTTPS, or plain HTTP only to
   * a loopback IP literal (not {@code localhost}, not a LAN address).
   */
  static String redirectProblem(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return "is not a URL";
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    String host = parsed.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http")) || parsed.getRawFragment() != null) {
      return "must be an absolute http(s) URL without a fragment";
    }
    if (scheme.equals("http") && !loopbackLiteral(host)) {
      return "Spotify takes plain http only to a loopback IP literal (http://127.0.0.1:PORT/... or "
          + "http://[::1]:PORT/...); use https otherwise";
    }
    return null;
  }

  private static boolean loopbackLiteral(String host) {
    InetAddress address = IpAddresses.parse(host);
    return address != null && address.isLoopbackAddress();
  }

  /** Why a value is not acceptable text, or {@code null}. */
  static String textProblem(String value, int max) {
    if (value.isBlank()) {
      return "must not be blank";
    }
    if (value.length() > max) {
      return "must be at most " + max + " characters";
    }
    if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
      return "must not contain spaces or control characters";
    }
    return null;
  }

  /** The fields of one body, checked one by one; {@link #check} throws with every error found. */
  private static final class Fields {
    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    Fields(JsonObject body, String... known) {
      this.body = body;
      Set<String> names = Set.of(known);
      body.fieldNames().stream().filter(name -> !names.contains(name)).sorted()
          .forEach(name -> errors.add(new FieldError(name, "is not a field of this request (it takes "
              + String.join(", ", known) + ")")));
    }

    String required(String name, int max) {
      if (body.getValue(name) == null) {
        errors.add(new FieldError(name, "is required"));
        return null;
      }
      return optional(name, max);
    }

    /** The trimmed string, or {@code null} when absent or null. */
    String optional(String name, int max) {
      Object value = body.getValue(name);
      if (value == null) {
        return null;
      }
      if (!(value instanceof String s)) {
        errors.add(new FieldError(name, "must be a string, not " + RequestBody.typeName(value)));
        return null;
      }
      String trimmed = s.strip();
      check(name, textProblem(trimmed, max));
      return trimmed;
    }

    void check(String name, String problem) {
      if (problem != null) {
        errors.add(new FieldError(name, problem));
      }
    }

    void check(String detail) {
      if (!errors.isEmpty()) {
        throw Problem.invalid(detail, errors);
      }
    }
  }
}
