package io.spotipi.player.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.PlayerState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimsTest {
  private static final Instant DUE = Instant.parse("2026-12-01T06:39:00Z");

  @Test
  void neverBeforeItsInstant() {
    assertFalse(Claims.claimable(DUE, null, DUE.minusMillis(1)));
    assertTrue(Claims.claimable(DUE, null, DUE));
    assertTrue(Claims.claimable(DUE, null, DUE.plusSeconds(3600)));
  }

  @Test
  void aLiveClaimKeepsOthersOffUntilItRunsOut() {
    PlayerState.Claim claim = new PlayerState.Claim("p1", DUE.plusSeconds(120));
    assertFalse(Claims.claimable(DUE, claim, DUE.plusSeconds(119)));
    assertTrue(Claims.claimable(DUE, claim, DUE.plusSeconds(120)));
    assertEquals(DUE.plusSeconds(120), Claims.nextLook(DUE, claim));
    assertEquals(DUE, Claims.nextLook(DUE, null));
    assertEquals(DUE, Claims.nextLook(DUE, new PlayerState.Claim("p1", DUE.minusSeconds(1))));
  }
}
