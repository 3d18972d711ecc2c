package io.spotipi.api;

import io.spotipi.shared.ControlsClient;
import io.spotipi.shared.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/sleep}: POST starts music and a sleep timer ({@code {minutes?, uri?, device_name?,
 * volume?, shuffle?}}, the rest from the {@code sleep_*} config keys) and answers
 * {@code {"active": true, "ends_at"}}; GET shows {@code {active, ends_at, uri, device}}; DELETE stops it
 * now (fade out, pause), 204.
 */
final class SleepHandler {
  private final ControlsClient controls;

  SleepHandler(ControlsClient controls) {
    this.controls = controls;
  }

  void start(RoutingContext rc) {
    controls.startSleep(ControlBodies.sleep(PlaybackHandler.body(rc)))
        .onSuccess(s -> Replies.json(rc, 200, new JsonObject().put("active", s.active())
            .put("ends_at", s.endsAt().toString()).toBuffer()))
        .onFailure(rc::fail);
  }

  void status(RoutingContext rc) {
    controls.sleepStatus().onSuccess(s -> Replies.json(rc, 200, Json.toJson(s).toBuffer())).onFailure(rc::fail);
  }

  void stop(RoutingContext rc) {
    controls.stopSleep().onSuccess(s -> rc.response().setStatusCode(204).end()).onFailure(rc::fail);
  }
}
