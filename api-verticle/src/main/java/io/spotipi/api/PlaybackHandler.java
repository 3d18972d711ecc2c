package io.spotipi.api;

import io.spotipi.shared.ControlsClient;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.ControlDone;
import io.spotipi.shared.message.PlaybackCommand;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/playback}: what plays (204 when nothing does), play, pause, resume, next, previous and
 * volume, on this node's player. A command answers with the device it went to,
 * {@code {"device": {"id", "name"}}}; failures map as every player failure does (409 not connected,
 * 404 no such device, 403 refused by Spotify, 503 with {@code Retry-After} when Spotify is out of reach).
 */
final class PlaybackHandler {
  private final ControlsClient controls;

  PlaybackHandler(ControlsClient controls) {
    this.controls = controls;
  }

  void state(RoutingContext rc) {
    controls.playback().onSuccess(state -> {
      if (state.isEmpty()) {
        rc.response().setStatusCode(204).end();
      } else {
        Replies.json(rc, 200, Json.toJson(state.get()).toBuffer());
      }
    }).onFailure(rc::fail);
  }

  void play(RoutingContext rc) {
    done(rc, controls.play(ControlBodies.play(body(rc))));
  }

  void pause(RoutingContext rc) {
    command(rc, PlaybackCommand.PAUSE);
  }

  void resume(RoutingContext rc) {
    command(rc, PlaybackCommand.RESUME);
  }

  void next(RoutingContext rc) {
    command(rc, PlaybackCommand.NEXT);
  }

  void previous(RoutingContext rc) {
    command(rc, PlaybackCommand.PREVIOUS);
  }

  void volume(RoutingContext rc) {
    done(rc, controls.command(new PlaybackCommand(PlaybackCommand.VOLUME, ControlBodies.volume(body(rc)))));
  }

  private void command(RoutingContext rc, String action) {
    done(rc, controls.command(new PlaybackCommand(action, null)));
  }

  private static void done(RoutingContext rc, Future<ControlDone> command) {
    command.onSuccess(d -> Replies.json(rc, 200, new JsonObject().put("device",
        new JsonObject().put("id", d.deviceId()).put("name", d.deviceName())).toBuffer())).onFailure(rc::fail);
  }

  static JsonObject body(RoutingContext rc) {
    return RequestBody.jsonObject(rc.request().getHeader(HttpHeaders.CONTENT_TYPE), rc.body().buffer(),
        RequestBody.JSON);
  }
}
