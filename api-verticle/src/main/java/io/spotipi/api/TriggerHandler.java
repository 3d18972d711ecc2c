package io.spotipi.api;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmTriggered;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/alarm/trigger}: the scheduler fires the stored alarm now and answers once playback
 * started (200 with the occurrence and its device) or failed (the failure's problem: 409 not
 * connected, 404 no such device, 403 Premium required, 503 Spotify unreachable), with the occurrence
 * as extension members. Either way the alarm's {@code last_fired} shows it.
 */
final class TriggerHandler {
  /** Longer than the scheduler waits for the player (its {@code playTimeoutMs}, 100 s by default). */
  static final long TIMEOUT_MS = 120_000;

  private final SchedulerRequests scheduler;

  TriggerHandler(EventBus bus) {
    this.scheduler = new SchedulerRequests(bus, TIMEOUT_MS);
  }

  /** Fires on this node's scheduler (and player) where it runs one. */
  void trigger(RoutingContext rc) {
    scheduler.act(Addresses.ALARM_TRIGGER, new JsonObject())
        .map(reply -> Json.fromJson(reply.body(), AlarmTriggered.class))
        .onSuccess(triggered -> {
          if (triggered.played()) {
            Replies.json(rc, 200, Json.toJson(triggered).toBuffer());
          } else {
            rc.fail(Problem.fromConfig(new ConfigFailure(triggered.failure(), triggered.detail()), false)
                .member("occurrence", triggered.occurrence())
                .member("fired_at", triggered.firedAt().toString())
                .member("outcome", triggered.outcome()));
          }
        })
        .onFailure(err -> rc.fail(ConfigFailure.from(err)));
  }
}
