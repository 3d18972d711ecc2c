package io.spotipi.api;

/**
 * The conditional request headers against our entity tags, which are the revision in quotes
 * ({@code "42"}). Pure functions of the header text.
 */
final class Preconditions {
  private Preconditions() {
  }

  /**
   * The revision an {@code If-Match} header expects: {@code null} when absent or {@code *} (any
   * current representation, and there always is one).
   *
   * @throws Problem 400 when the header is not a single strong entity tag holding a revision
   */
  static Long expectedRevision(String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    String s = ifMatch.trim();
    if (s.equals("*")) {
      return null;
    }
    Long revision = revisionOf(s);
    if (revision == null) {
      throw Problem.of(400, "If-Match must be one entity tag \"<revision>\" as sent in ETag, or *");
    }
    return revision;
  }

  /** Whether an {@code If-None-Match} header lists {@code etag} (weak comparison, as RFC 9110 asks). */
  static boolean noneMatchHits(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    int from = 0;
    int len = ifNoneMatch.length();
    while (from < len) {
      int comma = ifNoneMatch.indexOf(',', from);
      int end = comma < 0 ? len : comma;
      String tag = ifNoneMatch.substring(from, end).trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
      from = end + 1;
    }
    return false;
  }

  /** {@code "123"} → 123; anything else (weak, lists, signs, overflow) → null. */
  private static Long revisionOf(String tag) {
    int n = tag.length();
    if (n < 3 || n > 21 || tag.charAt(0) != '"' || tag.charAt(n - 1) != '"') {
      return null;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = tag.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(tag, 1, n - 1, 10);
    } catch (NumberFormatException overflow) {
      return null;
    }
  }
}
