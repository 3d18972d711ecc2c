package io.spotipi.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenMatcherTest {
  @Test
  void onlyTheSameTokenMatches() {
    TokenMatcher token = new TokenMatcher("s3cret-tökén");
    assertTrue(token.matches("s3cret-tökén"));
    for (String other : new String[] {"s3cret-token", "s3cret-tökén ", "s3cret", "", "S3CRET-TÖKÉN"}) {
      assertFalse(token.matches(other), other);
    }
    assertFalse(token.matches(null));
  }

  @Test
  void anEmptyTokenIsRefusedAndNoneIsPrinted() {
    assertThrows(IllegalArgumentException.class, () -> new TokenMatcher(""));
    assertFalse(new TokenMatcher("s3cret").toString().contains("s3cret"));
  }
}
