package io.spotipi.config;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The process {@link CrashLoopTest} kills with SIGKILL: a real owner on a data dir and N writers,
 * each committing its own counter upwards forever and printing {@code ACK <revision> <key> <value>}
 * once the commit is acknowledged (that is, durable).
 */
public final class CrashChild {
  public static void main(String[] args) {
    String dataDir = args[0];
    int writers = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions().setConfig(
            new ConfigVerticleOptions().setDataDir(dataDir).setEnv("test").toJson()))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        })
        .onSuccess(id -> {
          for (int w = 0; w < writers; w++) {
            String key = "w" + w;
            vertx.getOrCreateContext().runOnContext(v -> {
              ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("crash-child"));
              client.load().onSuccess(s -> {
                System.out.println("READY " + s.revision());
                Object start = s.get(key);
                write(client, key, start == null ? 1 : ((Number) start).intValue() + 1);
              });
            });
          }
        });
  }

  private static Future<Void> write(ConfigClient client, String key, int value) {
    return client.patch(new JsonObject().put(key, value)).compose(s -> {
      System.out.println("ACK " + s.revision() + " " + key + " " + value);
      return write(client, key, value + 1);
    });
  }
}
