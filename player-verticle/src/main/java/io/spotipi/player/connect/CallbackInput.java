package io.spotipi.player.connect;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.CallbackRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What the browser brought back from Spotify's consent page: the address it landed on (pasted by the
 * user) or its {@code code} and {@code state}. Pure. A failure's message never quotes the address or
 * the code, which is a one-time secret.
 */
public final class CallbackInput {
  static final int MAX_LENGTH = 4096;

  /** {@link #toString()} hides the code. */
  public record Callback(String code, String state) {
    @Override
    public String toString() {
      return "Callback[code=***, state=" + state + "]";
    }
  }

  private CallbackInput() {
  }

  /** @throws ConfigFailure BAD_REQUEST, saying what is missing or what Spotify answered instead */
  public static Callback parse(CallbackRequest request) {
    boolean hasUrl = request.url() != null;
    if (hasUrl == (request.code() != null || request.state() != null)) {
      throw bad("give either url (the whole address the browser landed on) or code and state");
    }
    if (!hasUrl) {
      return checked(request.code(), request.state(), "code and state must both be given, without spaces");
    }
    Map<String, String> params = query(request.url());
    String error = params.get("error");
    if (error != null) {
      throw bad("access_denied".equals(error)
          ? "Spotify says the authorization was denied (access_denied): nothing was stored; connect again and agree"
              + " on Spotify's page"
          : "Spotify answered with an error instead of a code" + (error.matches("[a-z_]{1,64}") ? " (" + error + ")" : "")
              + ": nothing was stored");
    }
    return checked(params.get("code"), params.get("state"),
        "the address holds no code and state: paste the whole address the browser landed on after Spotify's page");
  }

  private static Callback checked(String code, String state, String otherwise) {
    if (!usable(code) || !usable(state)) {
      throw bad(otherwise);
    }
    return new Callback(code, state);
  }

  private static Map<String, String> query(String url) {
    if (url.length() > MAX_LENGTH) {
      throw bad("the address is longer than " + MAX_LENGTH + " characters");
    }
    String raw;
    try {
      raw = new URI(url.strip()).getRawQuery();
    } catch (URISyntaxException e) {
      throw bad("that is not an address: paste the whole address the browser landed on after Spotify's page");
    }
    Map<String, String> params = new HashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      try {
        String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), value) != null) {
          throw bad("the address names a parameter twice");
        }
      } catch (IllegalArgumentException e) {
        throw bad("the address's query is not well-formed (broken percent-encoding)");
      }
    }
    return params;
  }

  private static boolean usable(String value) {
    return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
        && value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  private static ConfigFailure bad(String message) {
    return new ConfigFailure(ErrorCode.BAD_REQUEST, message);
  }
}
