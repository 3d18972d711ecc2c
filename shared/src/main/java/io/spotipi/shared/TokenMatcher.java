package io.spotipi.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks a presented secret (an API token) against the configured one in constant time: both are
 * compared as SHA-256 digests, so the time taken tells a caller nothing about how much of its guess
 * was right, nor about the secret's length. Holds only the digest; prints nothing of it.
 */
public final class TokenMatcher {
  private final byte[] digest;

  public TokenMatcher(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("a token to match must not be empty");
    }
    this.digest = sha256(token);
  }

  /** Whether {@code presented} is the token; {@code null} never is. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "TokenMatcher{…}";
  }
}
