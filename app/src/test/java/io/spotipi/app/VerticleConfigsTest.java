package io.spotipi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.api.ApiOptions;
import io.spotipi.api.RateLimiter;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.PlayerOptions;
import io.spotipi.scheduler.SchedulerOptions;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each verticle's own options class reads back every setting the app put in its JSON config. */
class VerticleConfigsTest {
  private static final VertxOptions VERTX = new VertxOptions().setEventLoopPoolSize(3).setWorkerPoolSize(7);

  private static AppOptions options(String... args) throws UsageException {
    return AppOptions.parse(List.of(args), Map.of()).orElseThrow();
  }

  @Test
  void configVerticle() throws UsageException {
    var json = VerticleConfigs.of(Verticle.CONFIG,
        options("--data-dir", "/srv/spotipi", "--env", "production", "--backup-keep", "3"), "node-a", VERTX);
    ConfigVerticleOptions read = new ConfigVerticleOptions(json);
    assertEquals("/srv/spotipi", read.getDataDir());
    assertEquals("production", read.getEnv());
    assertEquals(3, read.getBackupKeep());
    assertEquals("node-a", read.getNodeId());
  }

  @Test
  void apiVerticle() throws UsageException {
    var json = VerticleConfigs.of(Verticle.API, options("--host", "127.0.0.1", "--port", "5002",
        "--api-token", "t0ken", "--cors-origins", "https://a.example,http://b.local:8080",
        "--allowed-hosts", "spotipi.local", "--trusted-proxies", "10.0.0.0/8", "--rate-limit", "60,600"), "node-a", VERTX);
    ApiOptions read = ApiOptions.fromJson(json);
    assertEquals("127.0.0.1", read.host());
    assertEquals(5002, read.port());
    assertEquals("t0ken", read.apiToken());
    assertEquals(List.of("https://a.example", "http://b.local:8080"), read.corsOrigins());
    assertEquals(List.of("spotipi.local"), read.allowedHosts());
    assertEquals(List.of("10.0.0.0/8"), read.trustedProxies());
    assertEquals(new RateLimiter.Limits(60, 600), read.rateLimit());
    assertEquals(3, read.eventLoopThreads());
    assertEquals(7, read.workerThreads());
  }

  @Test
  void apiVerticleDefaults() throws UsageException {
    ApiOptions read = ApiOptions.fromJson(VerticleConfigs.of(Verticle.API, options("--rate-limit", "off"), "n", VERTX));
    assertNull(read.apiToken());
    assertNull(read.rateLimit());
    assertEquals(List.of(), read.corsOrigins());
    assertEquals(List.of(), read.allowedHosts());
    assertEquals(5001, read.port());
  }

  @Test
  void playerVerticle() throws UsageException {
    var json = VerticleConfigs.of(Verticle.PLAYER, options("--spotify-api-url", "http://127.0.0.1:9000",
        "--spotify-accounts-url", "http://127.0.0.1:9001", "--spotify-env-file", "/var/lib/spotipi/spotify.env",
        "--spotify-fallback-device", "Living Room"), "node-a", VERTX);
    PlayerOptions read = PlayerOptions.fromJson(json);
    assertEquals("http://127.0.0.1:9000", read.getApiUrl());
    assertEquals("http://127.0.0.1:9001", read.getAccountsUrl());
    assertEquals("/var/lib/spotipi/spotify.env", read.getEnvFile());
    assertEquals("Living Room", read.getFallbackDevice());
    PlayerOptions defaults = PlayerOptions.fromJson(VerticleConfigs.of(Verticle.PLAYER, options(), "n", VERTX));
    assertEquals(PlayerOptions.DEFAULT_API_URL, defaults.getApiUrl());
    assertEquals(PlayerOptions.DEFAULT_ENV_FILE, defaults.getEnvFile());
    assertNull(defaults.getFallbackDevice());
  }

  @Test
  void schedulerVerticle() throws UsageException {
    var json = VerticleConfigs.of(Verticle.SCHEDULER, options("--catchup-grace-seconds", "42"), "node-b", VERTX);
    SchedulerOptions read = new SchedulerOptions(json);
    assertEquals(42, read.getCatchupGraceSeconds());
    assertEquals("node-b", read.getNodeId());
  }
}
