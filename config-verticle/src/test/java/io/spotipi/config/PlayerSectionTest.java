package io.spotipi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.PlayerState;
import io.spotipi.shared.StateSections;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner keeps the players' timers in their own section, in their declared shape only. */
class PlayerSectionTest extends StrictStoreTest {
  static final String PLAYER = StateSections.PLAYER;
  static final Instant T = Instant.parse("2026-12-01T06:30:00Z");

  @Test
  void aSnoozeAndASleepTimerAreStoredAsTheyWereSent() {
    PlayerState state = PlayerState.NONE
        .withSnooze(new PlayerState.Snooze("2026-12-01T06:21:00Z", T, "k1", "Kitchen", 25, null))
        .withSleep(new PlayerState.Sleep("s1", T.plusSeconds(60), null, "k1", "Kitchen", 30, 45,
            new PlayerState.Claim("player-1", T)));
    assertEquals(1, store.state(c -> c.commit(PLAYER, 0L, state.toJson())).revision());
    assertEquals(state, PlayerState.fromJson(store.state(c -> c.load(PLAYER)).value()));
  }

  @Test
  void aValueOfAnotherShapeIsInvalidAndChangesNothing() {
    JsonObject snooze = new JsonObject().put("occurrence", "o").put("until", T.toString()).put("device_id", "k1")
        .put("volume", 20);
    for (JsonObject bad : List.of(new JsonObject().put("snooze", snooze.copy().put("until", "later")),
        new JsonObject().put("snooze", snooze.copy().put("volume", "loud")),
        new JsonObject().put("snooze", snooze.copy().put("extra", 1)),
        new JsonObject().put("snooze", snooze.copy().putNull("device_id")),
        new JsonObject().put("other", true))) {
      ConfigFailure f = assertInstanceOf(ConfigFailure.class,
          store.stateFailure(c -> c.commit(PLAYER, null, bad)));
      assertEquals(ErrorCode.INVALID, f.code(), f.toString());
      assertTrue(!f.getMessage().contains("later") && !f.getMessage().contains("loud"), "no value echoed: " + f);
    }
    assertEquals(0, store.state(c -> c.load(PLAYER)).revision());
  }
}
