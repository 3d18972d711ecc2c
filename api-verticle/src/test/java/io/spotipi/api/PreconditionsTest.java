package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreconditionsTest {
  @Test
  void ifMatchNamesOneRevision() {
    assertEquals(42L, Preconditions.expectedRevision("\"42\""));
    assertEquals(0L, Preconditions.expectedRevision(" \"0\" "));
    assertEquals(Long.MAX_VALUE, Preconditions.expectedRevision("\"" + Long.MAX_VALUE + "\""));
    assertNull(Preconditions.expectedRevision(null));
    assertNull(Preconditions.expectedRevision("*"));
  }

  @Test
  void malformedIfMatchIs400() {
    for (String bad : new String[] {"42", "\"\"", "W/\"42\"", "\"4 2\"", "\"-1\"", "\"42\", \"43\"", "\"x\"",
        "\"99999999999999999999\"", "\"42", "", "\"１２\""}) {
      Problem p = assertThrows(Problem.class, () -> Preconditions.expectedRevision(bad), bad);
      assertEquals(400, p.status(), bad);
    }
  }

  @Test
  void ifNoneMatchComparesWeakly() {
    assertTrue(Preconditions.noneMatchHits("\"7\"", "\"7\""));
    assertTrue(Preconditions.noneMatchHits("W/\"7\"", "\"7\""));
    assertTrue(Preconditions.noneMatchHits("\"1\", \"7\"", "\"7\""));
    assertTrue(Preconditions.noneMatchHits("*", "\"7\""));
    assertFalse(Preconditions.noneMatchHits("\"6\"", "\"7\""));
    assertFalse(Preconditions.noneMatchHits(null, "\"7\""));
    assertFalse(Preconditions.noneMatchHits("", "\"7\""));
  }
}
