package io.spotipi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-time alarms on a cluster of schedulers, and who fired them: alarm times have minute
 * resolution, so each round is the next whole minute in UTC at least {@link #LEAD} ahead. A node
 * logs {@code occurrence <instant> fired by <node>} once per occurrence it plays.
 */
final class AlarmRounds {
  static final Duration LEAD = Duration.ofSeconds(6);
  /** How long after the occurrence a second (wrong) play is still awaited. */
  static final Duration AFTER = Duration.ofSeconds(6);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final Pattern FIRED = Pattern.compile("occurrence (\\S+) fired by (\\S+)");

  private AlarmRounds() {
  }

  /** The next whole UTC minute at least {@link #LEAD} from now. */
  static Instant nextOccurrence() {
    return Instant.now().plus(LEAD).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
  }

  /** Sets a one-time alarm at {@code at} (UTC) through {@code PUT /api/alarm} on the given node. */
  static void set(ClusterNode node, Instant at) throws Exception {
    JsonObject alarm = new JsonObject().put("enabled", true).put("time", HH_MM.format(at))
        .putNull("weekdays").put("timezone", "UTC");
    HttpResponse<String> put = node.send("PUT", "/api/alarm", alarm.encode(),
        Map.of("Content-Type", "application/merge-patch+json"));
    assertEquals(200, put.statusCode(), put.body());
  }

  /** The nodes that logged a play of {@code occurrence}, one entry per play, over all their launches. */
  static List<String> playedBy(List<ClusterNode> nodes, Instant occurrence) {
    String id = occurrence.toString();
    return nodes.stream().flatMap(node -> node.allLogs().lines()).map(FIRED::matcher).filter(Matcher::find)
        .filter(m -> m.group(1).equals(id)).map(m -> m.group(2)).toList();
  }

  /** Waits until the occurrence is played, then {@link #AFTER} more for a duplicate; the plays seen. */
  static List<String> awaitPlays(List<ClusterNode> nodes, Instant occurrence) throws InterruptedException {
    Instant deadline = occurrence.plus(Duration.ofSeconds(40));
    while (playedBy(nodes, occurrence).isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    Thread.sleep(AFTER.toMillis());
    return playedBy(nodes, occurrence);
  }

  /**
   * Kills (SIGKILL) the config owner at {@code occurrence}, when every scheduler claims it: the claims
   * meet the failover. Returns the node killed.
   */
  static ClusterNode killOwnerAt(List<ClusterNode> nodes, Instant occurrence) throws InterruptedException {
    ClusterNode owner = ClusterNode.owner(nodes);
    sleepUntil(occurrence);
    owner.kill();
    return owner;
  }

  static void sleepUntil(Instant at) throws InterruptedException {
    long ms = Duration.between(Instant.now(), at).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }
}
