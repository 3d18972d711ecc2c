package io.spotipi.bench.spotify;

import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.FakeSpotify;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Spotify figures of issue 21 against the real jar: a fake Spotify in this JVM (the player's test
 * fake, one speaker "Kitchen"), its client and a refresh token in an env file, and SpotiPi processes
 * started with {@code --spotify-api-url}, {@code --spotify-accounts-url} and {@code --spotify-env-file}
 * pointed at them. In order:
 * <ol>
 *   <li>memory: {@link #MEMORY_ROUNDS} rounds of a fresh SpotiPi without the player
 *       ({@code --verticles config,api,scheduler}) and one with the default verticles, RSS 5 s after
 *       ready and 2 s after a short mixed run (manual alarms, device lists, status reads, 64 device
 *       lists at once), the same requests for both;
 *   <li>one SpotiPi for the rest: 64 concurrent device lists with an expired token ({@link TokenBursts}),
 *       {@link #WARMUP_TRIGGERS} manual alarms to warm its JIT, then the alarms ({@link AlarmLatency}),
 *       and the token cache's figures from {@code GET /api/spotify/status} at the end, also for the
 *       alarms and their mixed requests alone.
 * </ol>
 * Usage: {@code SpotifyBench APP_JAR WORK_DIR ALARMS [JVM_FLAG...]}; figures as {@code key=value} lines
 * on stdout, progress on stderr, logs and the per-alarm TSV in WORK_DIR.
 */
public final class SpotifyBench {
  static final int MEMORY_ROUNDS = 3;
  static final int MIXED_ROUNDS = 20;
  static final int WARMUP_TRIGGERS = 20;
  static final int BURSTS = 3;
  private static final String WITHOUT_PLAYER = "config,api,scheduler";

  private final Path jar;
  private final Path work;
  private final List<String> jvm;
  private final FakeSpotify fake;
  private final List<String> spotifyArgs;

  private SpotifyBench(Path jar, Path work, List<String> jvm, FakeSpotify fake, Path envFile) {
    this.jar = jar;
    this.work = work;
    this.jvm = jvm;
    this.fake = fake;
    this.spotifyArgs = List.of("--spotify-api-url", fake.url(), "--spotify-accounts-url", fake.url(),
        "--spotify-env-file", envFile.toString());
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: SpotifyBench APP_JAR WORK_DIR ALARMS [JVM_FLAG...]");
      System.exit(2);
    }
    Path work = Path.of(args[1]);
    Vertx vertx = Vertx.vertx();
    try {
      FakeSpotify fake = FakeSpotify.start(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      fake.player().device("k1", "Kitchen");
      Path envFile = envFile(work.resolve("spotify.env"), fake.accounts().issueRefreshToken());
      SpotifyBench bench = new SpotifyBench(Path.of(args[0]), work, List.of(args).subList(3, args.length), fake, envFile);
      bench.memory();
      bench.alarms(Integer.parseInt(args[2]));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static String rate(double r) {
    return String.format(Locale.ROOT, "%.4f", r);
  }

  /** The original SpotiPi's env file, owner-only from its creation. */
  private static Path envFile(Path file, String refreshToken) throws IOException {
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return Files.writeString(file, "SPOTIFY_CLIENT_ID=" + FakeAccounts.CLIENT_ID + "\nSPOTIFY_CLIENT_SECRET="
        + FakeAccounts.CLIENT_SECRET + "\nSPOTIFY_REFRESH_TOKEN=" + refreshToken + "\n");
  }

  private SpotiPiChild start(String name, List<String> more) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(spotifyArgs);
    args.addAll(more);
    return SpotiPiChild.start(jar, jvm, work.resolve(name + "-data"), work.resolve(name + ".log"), args);
  }

  /** RSS of one kind of node: idle and after the mixed run. */
  private record Memory(Samples idle, Samples mixed) {
    Memory() {
      this(new Samples(), new Samples());
    }
  }

  private void memory() throws IOException, InterruptedException {
    Memory without = new Memory();
    Memory with = new Memory();
    for (int round = 1; round <= MEMORY_ROUNDS; round++) {
      memoryRound("memory" + round + "-without-player", List.of("--verticles", WITHOUT_PLAYER), without);
      memoryRound("memory" + round + "-default", List.of(), with);
    }
    printMemory("rss_idle", without.idle(), with.idle());
    printMemory("rss_mixed", without.mixed(), with.mixed());
  }

  private void memoryRound(String name, List<String> args, Memory memory) throws IOException, InterruptedException {
    Figures.log(name + ": start, 5 s idle, mixed run");
    try (SpotiPiChild spotipi = start(name, args)) {
      Thread.sleep(5_000);
      memory.idle().add(spotipi.rssMib());
      Http http = new Http(spotipi.url);
      http.putJson("/api/alarm", MixedLoad.alarm("06:00"));
      MixedLoad load = new MixedLoad(http);
      for (int i = 0; i < MIXED_ROUNDS; i++) {
        load.batchWithTrigger();
      }
      http.concurrentGets("/api/devices?refresh=true", TokenBursts.CLIENTS);
      Thread.sleep(2_000);
      memory.mixed().add(spotipi.rssMib());
      Figures.log(name + ": " + load.requests() + " requests, " + load.failures() + " not 200");
    }
  }

  /** Each round's value without and with the player, their medians, and the difference of the medians. */
  private static void printMemory(String prefix, Samples without, Samples with) {
    Figures.put(prefix + "_without_player_values", without.values());
    Figures.put(prefix + "_default_values", with.values());
    Figures.put(prefix + "_without_player_mib", without.percentile(50));
    Figures.put(prefix + "_default_mib", with.percentile(50));
    Figures.put(prefix + "_added_mib", with.percentile(50) - without.percentile(50));
  }

  private void alarms(int alarms) throws IOException, InterruptedException {
    fake.clearRequests();
    try (SpotiPiChild spotipi = start("alarms", List.of())) {
      Http http = new Http(spotipi.url);
      http.putJson("/api/alarm", MixedLoad.alarm("06:00"));
      Figures.log("64 concurrent device lists with an expired token, " + BURSTS + " times each way");
      TokenBursts bursts = new TokenBursts(fake, http);
      bursts.expiredByTime(BURSTS);
      bursts.rejected(BURSTS);
      Figures.log(WARMUP_TRIGGERS + " manual alarms (JIT warm-up), then " + alarms + " alarms, one a minute");
      MixedLoad mixed = new MixedLoad(http);
      for (int i = 0; i < WARMUP_TRIGGERS; i++) {
        mixed.batchWithTrigger();
      }
      JsonObject before = http.get("/api/spotify/status").json().getJsonObject("token");
      new AlarmLatency(fake, http, mixed, work.resolve("alarms.tsv")).run(alarms);
      JsonObject token = http.get("/api/spotify/status").json().getJsonObject("token");
      Figures.put("token_cache_hit_rate", rate(token.getDouble("cache_hit_rate")));
      Figures.put("token_cache_requests", token.getLong("requests_total"));
      Figures.put("token_cache_refreshes", token.getLong("refreshes_total"));
      long asked = token.getLong("requests_total") - before.getLong("requests_total");
      double hits = token.getDouble("cache_hit_rate") * token.getLong("requests_total")
          - before.getDouble("cache_hit_rate") * before.getLong("requests_total");
      Figures.put("alarms_token_cache_hit_rate", rate(asked == 0 ? Double.NaN : hits / asked));
      Figures.put("alarms_token_cache_requests", asked);
      Figures.put("alarms_token_cache_refreshes", token.getLong("refreshes_total") - before.getLong("refreshes_total"));
      Figures.put("fake_token_requests", fake.requests("POST", "/api/token").size());
      Figures.put("mixed_requests", mixed.requests());
      Figures.put("mixed_not_200", mixed.failures());
      Figures.put("rss_end_of_alarms_mib", spotipi.rssMib());
    }
  }
}
