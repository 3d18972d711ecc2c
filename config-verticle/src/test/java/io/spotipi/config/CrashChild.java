package io.spotipi.config;

import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.StateSections;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The process {@link CrashLoopTest} kills with SIGKILL: a real owner on a data dir and N writers,
 * each committing its own counter upwards forever and printing {@code ACK <revision> <key> <value>}
 * once the commit is acknowledged (that is, durable); and one writer of the internal state, moving
 * the scheduler's last fired occurrence a second on with each transaction and printing
 * {@code STATE <section revision> <epoch second>}.
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
          vertx.getOrCreateContext().runOnContext(v -> {
            StateClient state = StateClient.create(vertx, new ConfigClientOptions("crash-child"));
            advance(state);
          });
        });
  }

  private static Future<Void> advance(StateClient state) {
    long[] second = new long[1];
    return state.transaction(StateSections.SCHEDULER, value -> {
      SchedulerState s = SchedulerState.fromJson(value);
      second[0] = s.lastFiredOccurrence() == null ? 1 : s.lastFiredOccurrence().getEpochSecond() + 1;
      value.put(SchedulerState.LAST_FIRED_OCCURRENCE, Instant.ofEpochSecond(second[0]).toString());
    }).compose(doc -> {
      System.out.println("STATE " + doc.revision() + " " + second[0]);
      return advance(state);
    });
  }

  private static Future<Void> write(ConfigClient client, String key, int value) {
    return client.patch(new JsonObject().put(key, value)).compose(s -> {
      System.out.println("ACK " + s.revision() + " " + key + " " + value);
      return write(client, key, value + 1);
    });
  }
}
