package io.spotipi.shared;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of the {@link StateSections#SPOTIFY} section: the Spotify credentials stored through the
 * API or the connect flow, which win over the environment and the env file, or the mark that the user
 * disconnected, which hides those until credentials are stored again. Empty: nothing stored, the
 * environment and the env file apply. {@link #toString()} shows no secret.
 *
 * @param clientId the Spotify app's client id; null when nothing is stored
 * @param clientSecret null for an app that authorizes with PKCE
 * @param refreshToken null while the app is stored but not yet authorized
 * @param authorizedAt when the user authorized (refresh tokens expire about six months later)
 * @param disconnected the user disconnected: no credentials apply, not even the environment's
 */
public record SpotifyState(String clientId, String clientSecret, String refreshToken, Instant authorizedAt,
    boolean disconnected) {
  public static final String CLIENT_ID = "client_id";
  public static final String CLIENT_SECRET = "client_secret";
  public static final String REFRESH_TOKEN = "refresh_token";
  /** UTC ISO-8601 instant. */
  public static final String AUTHORIZED_AT = "authorized_at";
  /** {@code true}, alone in the section. */
  public static final String DISCONNECTED = "disconnected";
  public static final List<String> FIELDS = List.of(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, AUTHORIZED_AT,
      DISCONNECTED);
  /** Spotify's ids, secrets and tokens are far shorter; the bound keeps junk out of the store. */
  public static final int MAX_LENGTH = 512;

  /** Nothing stored: the environment and the env file apply. */
  public static final SpotifyState NONE = new SpotifyState(null, null, null, null, false);
  /** Disconnected: nothing applies until credentials are stored again. */
  public static final SpotifyState DISCONNECTED_MARK = new SpotifyState(null, null, null, null, true);

  public static SpotifyState credentials(String clientId, String clientSecret, String refreshToken,
      Instant authorizedAt) {
    return new SpotifyState(clientId, clientSecret, refreshToken, authorizedAt, false);
  }

  /** Whether credentials are stored (they win over the environment). */
  public boolean holdsCredentials() {
    return clientId != null;
  }

  /**
   * What is wrong with these values as credentials, one error per field; empty when they are fine. A
   * message never quotes the value: it may be a secret.
   */
  public static List<FieldError> check(String clientId, String clientSecret, String refreshToken) {
    List<FieldError> errors = new ArrayList<>();
    if (clientId == null) {
      errors.add(new FieldError(CLIENT_ID, "is required"));
    } else {
      checkText(CLIENT_ID, clientId, errors);
    }
    if (clientSecret != null) {
      checkText(CLIENT_SECRET, clientSecret, errors);
    }
    if (refreshToken != null) {
      checkText(REFRESH_TOKEN, refreshToken, errors);
    }
    return errors;
  }

  private static void checkText(String field, String value, List<FieldError> errors) {
    if (value.isEmpty() || value.length() > MAX_LENGTH
        || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      errors.add(new FieldError(field,
          "must be 1 to " + MAX_LENGTH + " characters without spaces or control characters"));
    }
  }

  /**
   * The section's value as a record.
   *
   * @throws IllegalArgumentException naming the field that is not what it should be
   */
  public static SpotifyState fromJson(JsonObject value) {
    for (String key : value.fieldNames()) {
      if (!FIELDS.contains(key)) {
        throw new IllegalArgumentException(key + ": not a field of the Spotify state");
      }
    }
    Object disconnected = value.getValue(DISCONNECTED);
    if (disconnected != null && !Boolean.TRUE.equals(disconnected)) {
      throw new IllegalArgumentException(DISCONNECTED + ": must be true when present");
    }
    if (disconnected != null) {
      if (value.size() > 1) {
        throw new IllegalArgumentException(DISCONNECTED + ": stands alone, without credentials");
      }
      return DISCONNECTED_MARK;
    }
    String id = text(value, CLIENT_ID);
    String secret = text(value, CLIENT_SECRET);
    String token = text(value, REFRESH_TOKEN);
    Instant at = JsonValues.instant(value, AUTHORIZED_AT);
    if (id == null && !value.isEmpty()) {
      throw new IllegalArgumentException(CLIENT_ID + ": is required with any other field");
    }
    List<FieldError> errors = id == null ? List.of() : check(id, secret, token);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.get(0).toString());
    }
    return new SpotifyState(id, secret, token, at, false);
  }

  private static String text(JsonObject value, String field) {
    Object v = value.getValue(field);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException(field + ": must be a string");
    }
    return (String) v;
  }

  /** The section's value; absent fields are left out. */
  public JsonObject toJson() {
    JsonObject out = new JsonObject();
    if (disconnected) {
      return out.put(DISCONNECTED, true);
    }
    putIfSet(out, CLIENT_ID, clientId);
    putIfSet(out, CLIENT_SECRET, clientSecret);
    putIfSet(out, REFRESH_TOKEN, refreshToken);
    putIfSet(out, AUTHORIZED_AT, authorizedAt == null ? null : authorizedAt.toString());
    return out;
  }

  private static void putIfSet(JsonObject out, String field, String value) {
    if (value != null) {
      out.put(field, value);
    }
  }

  @Override
  public String toString() {
    return "SpotifyState[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "***")
        + ", refreshToken=" + (refreshToken == null ? "none" : "***") + ", authorizedAt=" + authorizedAt
        + ", disconnected=" + disconnected + "]";
  }
}
