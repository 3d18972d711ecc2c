package io.spotipi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.config.ConfigVerticle;
import io.spotipi.config.ConfigVerticleOptions;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmStatus;
import io.spotipi.shared.testing.Await;
import io.spotipi.shared.testing.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's status comes from its own plan: with the config owner gone it still answers. */
@ExtendWith(VertxExtension.class)
class StatusWithoutOwnerTest {
  private static final Instant MONDAY_0700 = OffsetDateTime.parse("2026-11-30T07:00+01:00").toInstant();

  @Test
  void aStatusAskedForARevisionNoOwnerCanGiveIsThePlanItHasMarkedStale(Vertx vertx, @TempDir Path dataDir) {
    String owner = Await.result(vertx.deployVerticle(new ConfigVerticle(), new DeploymentOptions()
        .setConfig(new ConfigVerticleOptions().setDataDir(dataDir.toString()).setEnv("test").toJson())));
    Context context = vertx.getOrCreateContext();
    ConfigClient store = Await.on(context, () -> {
      ConfigClient client = ConfigClient.create(vertx, new ConfigClientOptions("test"));
      return client.ready().map(client);
    });
    long revision = Await.on(context, () -> store.patch(new JsonObject().put("enabled", true).put("time", "07:30")
        .put("weekdays", new JsonArray(List.of(0, 1, 2, 3, 4, 5, 6))).put("timezone", "Europe/Vienna"))).revision();
    Await.result(vertx.deployVerticle(new SchedulerVerticle(new MutableClock(MONDAY_0700), new RecordingPlayer()),
        new DeploymentOptions().setConfig(new SchedulerOptions().setRecheckMaxMs(10).toJson())));
    Message<Object> planned = status(vertx, revision);
    assertNull(planned.headers().get(Addresses.STALE_HEADER));

    Await.result(vertx.undeploy(owner));
    Message<Object> stale = status(vertx, revision + 1);
    assertEquals("true", stale.headers().get(Addresses.STALE_HEADER));
    AlarmStatus status = Json.fromJson(stale.body(), AlarmStatus.class);
    assertEquals(Json.fromJson(planned.body(), AlarmStatus.class), status, "the plan it has");
    assertEquals("2026-11-30T07:30:00+01:00", status.nextFire());
  }

  private static Message<Object> status(Vertx vertx, long minRevision) {
    return Await.result(vertx.eventBus().request(Addresses.ALARM_STATUS, new JsonObject().put("min_revision", minRevision)));
  }
}
