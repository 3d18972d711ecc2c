package io.spotipi.player.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random values of the authorization-code flow: PKCE's verifier and challenge (RFC 7636, S256), and {@code state}. */
public final class Pkce {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {
  }

  /** 64 characters of URL-safe base64 (48 random bytes): within RFC 7636's 43 to 128. */
  public static String newVerifier() {
    return random(48);
  }

  /** An unguessable {@code state} for one authorization. */
  public static String newState() {
    return random(24);
  }

  /** {@code BASE64URL(SHA-256(verifier))}. */
  public static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return URL.encodeToString(b);
  }
}
