package io.spotipi.bench.spotify;

import io.spotipi.player.fake.FakeSpotify;
import io.spotipi.player.fake.Recorded;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Real alarms of a running SpotiPi, one a minute (alarm times have minute resolution): an alarm set
 * for the next whole minute at least {@link #LEAD} ahead, and the time from that instant to the fake's
 * arrival of the play request. Odd rounds set a one-time alarm, which switches itself off when it
 * fires; even rounds the same alarm on every weekday, which stays on. The fake runs in this JVM; its arrival times
 * ({@link System#nanoTime()}) are put on the wall clock by a reading of both taken a second before
 * each instant. The baseline, once per alarm after it played: a bare play request from this process to
 * the same fake, with the access token SpotiPi used, from send to answer. Between alarms a
 * {@link MixedLoad} batch runs, well before the next instant. One line per alarm goes to a TSV file.
 */
final class AlarmLatency {
  private static final Duration LEAD = Duration.ofSeconds(8);
  private static final Duration OUTCOME_WAIT = Duration.ofSeconds(100);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final String PLAY = "/v1/me/player/play";

  private final FakeSpotify fake;
  private final Http spotipi;
  private final Http bare;
  private final MixedLoad mixed;
  private final Path tsv;
  private final Samples latency = new Samples();
  private final Samples latencyOnce = new Samples();
  private final Samples latencyDaily = new Samples();
  private final Samples late = new Samples();
  /** From the scheduler's firing (the claim won and recorded) to the play request: the player's part. */
  private final Samples player = new Samples();
  private final Samples baseline = new Samples();
  private final Samples load = new Samples();
  private int played;
  private int tokensAtInstants;

  AlarmLatency(FakeSpotify fake, Http spotipi, MixedLoad mixed, Path tsv) throws IOException {
    this.fake = fake;
    this.spotipi = spotipi;
    this.bare = new Http(fake.url());
    this.mixed = mixed;
    this.tsv = tsv;
    Files.writeString(tsv, "alarm\toccurrence\tkind\toutcome\tplay_ms\tlate_ms\tbaseline_ms\tload1\n");
  }

  void run(int alarms) throws IOException, InterruptedException {
    for (int i = 1; i <= alarms; i++) {
      round(i);
    }
    latency.print("alarm_play_ms");
    latencyOnce.print("alarm_once_play_ms");
    latencyDaily.print("alarm_daily_play_ms");
    late.print("alarm_late_ms");
    player.print("alarm_player_ms");
    baseline.print("baseline_play_ms");
    load.print("alarm_load1");
    Figures.put("alarms", alarms);
    Figures.put("alarms_played", played);
    Figures.put("alarm_token_requests_at_instants", tokensAtInstants);
  }

  private void round(int i) throws IOException, InterruptedException {
    Instant occurrence = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    boolean once = i % 2 == 1;
    String kind = once ? "once" : "daily";
    String time = HH_MM.format(occurrence);
    Http.Answer set = spotipi.putJson("/api/alarm", once ? MixedLoad.alarm(time) : MixedLoad.daily(time));
    if (set.status() != 200) {
      throw new IOException("PUT /api/alarm answered " + set.status() + ": " + set.body());
    }
    mixed.batch();
    sleepUntil(occurrence.minusSeconds(1));
    double load1 = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    int mark = fake.requests().size();
    Instant anchorWall = Instant.now();
    long anchorNanos = System.nanoTime();
    sleepUntil(occurrence.plusSeconds(2));
    JsonObject last = lastFired(occurrence);
    List<Recorded> all = fake.requests();
    List<Recorded> since = all.subList(mark, all.size());
    tokensAtInstants += (int) since.stream().filter(r -> r.is("POST", "/api/token")).count();
    Recorded play = since.stream().filter(r -> r.is("PUT", PLAY)).findFirst().orElse(null);
    String outcome = last == null ? "none" : last.getString("outcome");
    String playMs = "";
    String baseMs = "";
    if ("played".equals(outcome) && play != null) {
      played++;
      double ms = Duration.between(occurrence, anchorWall.plusNanos(play.nanos() - anchorNanos)).toNanos() / 1e6;
      latency.add(ms);
      (once ? latencyOnce : latencyDaily).add(ms);
      late.add(last.getLong("late_ms"));
      player.add(ms - last.getLong("late_ms"));
      double base = barePlay(play.bearer());
      baseline.add(base);
      playMs = String.format(Locale.ROOT, "%.2f", ms);
      baseMs = String.format(Locale.ROOT, "%.2f", base);
    }
    load.add(load1);
    Figures.log("alarm " + i + " (" + kind + ") at " + occurrence + ": " + outcome + ", play request after " + playMs
        + " ms");
    Files.writeString(tsv, i + "\t" + occurrence + "\t" + kind + "\t" + outcome + "\t" + playMs + "\t"
        + (last == null ? "" : last.getLong("late_ms")) + "\t" + baseMs + "\t" + load1 + "\n", StandardOpenOption.APPEND);
  }

  /** {@code last_fired} once it names the occurrence; null when it does not within {@link #OUTCOME_WAIT}. */
  private JsonObject lastFired(Instant occurrence) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(OUTCOME_WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonObject last = spotipi.get("/api/alarm").json().getJsonObject("last_fired");
      if (last != null && occurrence.toString().equals(last.getString("occurrence"))) {
        return last;
      }
      Thread.sleep(200);
    }
    return null;
  }

  /** Milliseconds from sending a play request to the fake to its answer. */
  private double barePlay(String bearer) throws IOException, InterruptedException {
    var request = bare.request("PUT", PLAY + "?device_id=k1", new JsonObject().put("context_uri", MixedLoad.PLAYLIST)
        .encode(), bearer);
    long start = System.nanoTime();
    Http.Answer answer = bare.send(request);
    double ms = (System.nanoTime() - start) / 1e6;
    if (answer.status() != 204) {
      throw new IOException("the fake answered the bare play with " + answer.status() + ": " + answer.body());
    }
    return ms;
  }

  private static void sleepUntil(Instant at) throws InterruptedException {
    long ms = Duration.between(Instant.now(), at).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }
}
