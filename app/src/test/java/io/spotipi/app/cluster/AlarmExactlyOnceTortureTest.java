package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once alarms, the long way ({@code mvn -Ptorture verify}): three schedulers, one one-time
 * alarm a minute for {@code -Dspotipi.alarm.rounds} rounds (default 3), the last one with the config
 * owner SIGKILLed at the firing instant. Each occurrence must be played by exactly one node.
 */
@Tag("torture")
class AlarmExactlyOnceTortureTest {
  private static final Logger log = LoggerFactory.getLogger(AlarmExactlyOnceTortureTest.class);
  private static final int ROUNDS = Integer.getInteger("spotipi.alarm.rounds", 3);

  static List<ClusterNode> nodes;

  @BeforeAll
  static void startCluster() throws Exception {
    nodes = ClusterNode.cluster(ClusterNode.runDir(AlarmExactlyOnceTortureTest.class), 3, "config,api,scheduler",
        Map.of());
    ClusterNode.startAll(nodes);
    ClusterNode.awaitServing(nodes);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ClusterNode node : nodes) {
      node.destroy();
    }
  }

  @Test
  void everyOccurrenceIsPlayedOnceAlsoWhenTheOwnerDiesAtTheFiringInstant() throws Exception {
    List<String> failures = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      boolean killRound = round == ROUNDS;
      List<ClusterNode> live = nodes.stream().filter(ClusterNode::alive).toList();
      Instant occurrence = AlarmRounds.nextOccurrence();
      AlarmRounds.set(live.get(round % live.size()), occurrence);
      if (killRound) {
        ClusterNode owner = owner(live);
        AlarmRounds.sleepUntil(occurrence);
        owner.kill();
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

  /** The owner as named by a live node's status ("n2 (epoch 3)"). */
  private static ClusterNode owner(List<ClusterNode> live) throws Exception {
    String owner = new io.vertx.core.json.JsonObject(live.get(0).get("/api/thread-safety/status").body())
        .getString("owner");
    return live.stream().filter(n -> owner != null && owner.startsWith(n.name + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no live owner: " + owner));
  }
}
