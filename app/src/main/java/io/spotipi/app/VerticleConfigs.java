package io.spotipi.app;

import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON config each verticle is deployed with, by the keys its options class reads
 * ({@code ConfigVerticleOptions}, {@code ApiOptions}, {@code SchedulerOptions}).
 */
final class VerticleConfigs {
  private VerticleConfigs() {
  }

  static JsonObject of(Verticle verticle, AppOptions options, String nodeId, VertxOptions vertxOptions) {
    return switch (verticle) {
      case CONFIG -> new JsonObject()
          .put("dataDir", options.dataDir().toString())
          .put("env", options.env())
          .put("backupKeep", options.backupKeep())
          .put("nodeId", nodeId);
      case API -> new JsonObject()
          .put("host", options.host())
          .put("port", options.port())
          .put("apiToken", options.apiToken())
          .put("corsOrigins", new JsonArray(options.corsOrigins()))
          .put("allowedHosts", new JsonArray(options.allowedHosts()))
          .put("trustedProxies", new JsonArray(options.trustedProxies()))
          .put("rateLimit", options.rateLimit())
          .put("eventLoopThreads", vertxOptions.getEventLoopPoolSize())
          .put("workerThreads", vertxOptions.getWorkerPoolSize());
      case SCHEDULER -> new JsonObject()
          .put("catchupGraceSeconds", options.catchupGraceSeconds())
          .put("nodeId", nodeId);
    };
  }
}
