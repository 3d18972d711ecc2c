package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once alarms, the long way ({@code mvn -Ptorture verify}): three schedulers, one one-time
 * alarm a minute for {@code -Dspotipi.alarm.rounds} rounds (default 3), the last one with the config
 * owner SIGKILLed at the firing instant. Each occurrence must be played by exactly one node. The
 * default run has one such kill round ({@link FailoverReadsTest}).
 */
@Tag("torture")
class AlarmExactlyOnceTortureTest {
  private static final Logger log = LoggerFactory.getLogger(AlarmExactlyOnceTortureTest.class);
  private static final int ROUNDS = Integer.getInteger("spotipi.alarm.rounds", 3);

  @RegisterExtension
  static final ClusterExtension CLUSTER = new ClusterExtension(3, "config,api,scheduler");
  private final List<ClusterNode> nodes = CLUSTER.nodes();

  @Test
  void everyOccurrenceIsPlayedOnceAlsoWhenTheOwnerDiesAtTheFiringInstant() throws Exception {
    List<String> failures = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      boolean killRound = round == ROUNDS;
      List<ClusterNode> live = nodes.stream().filter(ClusterNode::alive).toList();
      Instant occurrence = AlarmRounds.nextOccurrence();
      AlarmRounds.set(live.get(round % live.size()), occurrence);
      if (killRound) {
        ClusterNode owner = AlarmRounds.killOwnerAt(nodes, occurrence);
        log.info("round {}: killed the owner {} at the firing instant {}", round, owner.name, occurrence);
      }
      List<String> plays = AlarmRounds.awaitPlays(nodes, occurrence);
      log.info("round {}: occurrence {} played by {}", round, occurrence, plays);
      if (plays.size() != 1) {
        failures.add(occurrence + " played " + plays.size() + " times " + plays + (killRound ? " (owner killed)" : ""));
      }
    }
    assertEquals(List.of(), failures);
  }
}
