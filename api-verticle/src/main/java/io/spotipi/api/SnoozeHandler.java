package io.spotipi.api;

import io.spotipi.shared.ControlsClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code /api/alarm/snooze}: POST pauses the alarm that plays (within {@code snooze_window_minutes}
 * after it fired; else 409) and answers when it resumes, {@code {"until"}}; DELETE dismisses it (204,
 * no resume). {@code GET /api/alarm} shows the snooze as {@code snooze: {until}} or null.
 */
final class SnoozeHandler {
  private final ControlsClient controls;

  SnoozeHandler(ControlsClient controls) {
    this.controls = controls;
  }

  void snooze(RoutingContext rc) {
    controls.snooze().onSuccess(s -> Replies.json(rc, 200, until(s.until()).toBuffer())).onFailure(rc::fail);
  }

  void dismiss(RoutingContext rc) {
    controls.dismissSnooze().onSuccess(s -> rc.response().setStatusCode(204).end()).onFailure(rc::fail);
  }

  /**
   * The alarm's status with {@code snooze} added: null when none, and when this node's player cannot
   * say (none runs here): the status itself never fails for it.
   */
  Future<JsonObject> addTo(JsonObject status) {
    return controls.snoozeStatus().transform(ar -> Future.succeededFuture(status.put("snooze",
        ar.succeeded() && ar.result().until() != null ? until(ar.result().until()) : null)));
  }

  private static JsonObject until(Instant until) {
    return new JsonObject().put("until", until == null ? null : until.toString());
  }
}
