package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
  private long now = 1_000;
  private final List<String> lines = new ArrayList<>();
  private final RefusalLog log = new RefusalLog(3, () -> now, lines::add);
  private final Problem misdirected = Problem.of(421, "this server does not answer to attacker.example");

  @Test
  void oneLineAMinutePerClientAndTheNextSaysHowManyItHeldBack() {
    for (int i = 0; i < 500; i++) {
      log.refused("192.168.1.9", "GET /api/config", misdirected);
      now += TimeUnit.MILLISECONDS.toNanos(100);
    }
    assertEquals(1, lines.size(), lines::toString);
    assertEquals("refused GET /api/config from 192.168.1.9: 421 this server does not answer to attacker.example",
        lines.get(0));
    now += RefusalLog.INTERVAL_NANOS;
    log.refused("192.168.1.9", "PUT /api/alarm", misdirected);
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).endsWith("(499 more from this client since its last line, not logged)"), lines.get(1));
  }

  @Test
  void eachClientHasItsOwnMinuteAndFewAreRemembered() {
    for (String client : List.of("10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.3", "10.0.0.2")) {
      log.refused(client, "GET /", misdirected);
    }
    assertEquals(3, lines.size(), lines::toString);
    log.refused("10.0.0.4", "GET /", misdirected); // the fourth pushes out the least recently refused, 10.0.0.1
    log.refused("10.0.0.1", "GET /", misdirected);
    assertEquals(5, lines.size(), lines::toString);
  }

  @Test
  void theClientsTextIsCutAndHasNoControlCharacters() {
    log.refused("10.0.0.1", "GET /", Problem.of(421, "host " + "h".repeat(500) + "\u001b[31m"));
    assertTrue(lines.get(0).length() < 300, lines.get(0));
    log.refused("10.0.0.2", "GET /", Problem.of(400, "a\u001b[31mb\u0000"));
    assertEquals("refused GET / from 10.0.0.2: 400 a?[31mb?", lines.get(1));
  }
}
