package io.spotipi.app;

import io.spotipi.api.ApiOptions;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.player.PlayerOptions;
import io.spotipi.scheduler.SchedulerOptions;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

/**
 * The JSON config each verticle is deployed with: its own options class, filled from the app's
 * options and serialized by that class, so the keys are written and read in one place.
 */
final class VerticleConfigs {
  private VerticleConfigs() {
  }

  static JsonObject of(Verticle verticle, AppOptions options, String nodeId, VertxOptions vertxOptions) {
    return switch (verticle) {
      case CONFIG -> new ConfigVerticleOptions()
          .setDataDir(options.dataDir().toString())
          .setEnv(options.env())
          .setBackupKeep(options.backupKeep())
          .setNodeId(nodeId)
          .toJson();
      case API -> new ApiOptions()
          .setHost(options.host())
          .setPort(options.port())
          .setApiToken(options.apiToken())
          .setCorsOrigins(options.corsOrigins())
          .setAllowedHosts(options.allowedHosts())
          .setTrustedProxies(options.trustedProxies())
          .setRateLimit(options.rateLimit())
          .setEventLoopThreads(vertxOptions.getEventLoopPoolSize())
          .setWorkerThreads(vertxOptions.getWorkerPoolSize())
          .toJson();
      case PLAYER -> new PlayerOptions()
          .setApiUrl(options.spotifyApiUrl())
          .setAccountsUrl(options.spotifyAccountsUrl())
          .setEnvFile(options.spotifyEnvFile())
          .setFallbackDevice(options.spotifyFallbackDevice())
          .toJson();
      case SCHEDULER -> new SchedulerOptions()
          .setCatchupGraceSeconds(options.catchupGraceSeconds())
          .setNodeId(nodeId)
          .toJson();
    };
  }
}
