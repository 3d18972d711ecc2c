package io.spotipi.api;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ConfigKeys;
import io.spotipi.shared.ConfigSnapshot;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmStatusRequest;
import io.spotipi.shared.message.CommitRequest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /api/alarm} and the original's {@code /save_alarm} form. The alarm's settings are config keys
 * written through the owner like any other; its status belongs to the scheduler, asked over the event
 * bus (the manual trigger: {@link TriggerHandler}).
 */
final class AlarmHandler {
  static final long SCHEDULER_TIMEOUT_MS = 5_000;

  private final SchedulerRequests scheduler;
  private final ConfigClient client;
  private final SnoozeHandler snooze;

  AlarmHandler(EventBus bus, ConfigClient client, SnoozeHandler snooze) {
    this.scheduler = new SchedulerRequests(bus, SCHEDULER_TIMEOUT_MS);
    this.client = client;
    this.snooze = snooze;
  }

  /**
   * The scheduler's status, never older than the config this API has seen (its own writes included),
   * unless no config owner answers: then marked stale; with the player's snooze.
   */
  void status(RoutingContext rc) {
    client.load()
        .compose(seen -> ask(Addresses.ALARM_STATUS, new AlarmStatusRequest(seen.revision()))
            .onSuccess(s -> Replies.stale(rc.response(), seen.stale())))
        .compose(m -> answer(rc, m))
        .onFailure(rc::fail);
  }

  /**
   * PUT: the alarm fields only, merged atomically; answers with the scheduler's status as of this
   * commit or later (its near cache may not have seen the change event yet).
   */
  void update(RoutingContext rc) {
    Long expected = Preconditions.expectedRevision(rc.request().getHeader(HttpHeaders.IF_MATCH));
    JsonObject patch = RequestBody.jsonObject(rc.request().getHeader(HttpHeaders.CONTENT_TYPE), rc.body().buffer(),
        RequestBody.MERGE_PATCH);
    List<FieldError> foreign = patch.fieldNames().stream().filter(k -> !ConfigKeys.ALARM.contains(k))
        .map(k -> new FieldError(k, "not an alarm field; use /api/config")).toList();
    if (!foreign.isEmpty()) {
      throw Problem.invalid("only alarm fields may be sent here: " + ConfigKeys.ALARM, foreign);
    }
    client.submit(CommitRequest.patch(expected, patch, RequestGuard.commitOrigin(rc)))
        .compose(saved -> ask(Addresses.ALARM_STATUS, new AlarmStatusRequest(saved.revision()))
            .recover(err -> Future.failedFuture(new ConfigFailure(ErrorCode.UNAVAILABLE, "saved as revision "
                + saved.revision() + ", but the scheduler did not answer: " + ConfigFailure.from(err).getMessage())))
            .onSuccess(s -> rc.response().putHeader(HttpHeaders.ETAG, saved.etag())))
        .compose(m -> answer(rc, m))
        .onFailure(rc::fail);
  }

  /** The original's form post: replaces every alarm field at once. */
  void saveForm(RoutingContext rc) {
    JsonObject patch = AlarmForm.toPatch(FormBody.decode(rc.request().getHeader(HttpHeaders.CONTENT_TYPE),
        RawBodyHandler.body(rc)));
    client.submit(CommitRequest.patch(null, patch, RequestGuard.commitOrigin(rc)))
        .onSuccess(saved -> {
          rc.response().putHeader(HttpHeaders.ETAG, saved.etag());
          Replies.json(rc, 200, new JsonObject().put("success", true).put("revision", saved.revision())
              .put("alarm", alarmFields(saved)).toBuffer());
        })
        .onFailure(rc::fail);
  }

  private static JsonObject alarmFields(ConfigSnapshot s) {
    JsonObject alarm = new JsonObject();
    ConfigKeys.ALARM.forEach(k -> alarm.put(k, s.get(k)));
    return alarm;
  }

  /** The scheduler's status (this node's, where it runs one), answered from its own plan. */
  private Future<Message<Object>> ask(String address, Object body) {
    return scheduler.read(address, body).recover(err -> Future.failedFuture(ConfigFailure.from(err)));
  }

  /**
   * The scheduler's reply, a record (local codec) or the same shape as JSON (cluster), with the player's
   * snooze, and whether it is stale.
   */
  private Future<Void> answer(RoutingContext rc, Message<Object> m) {
    JsonObject status = m.body() instanceof JsonObject json ? json : Json.toJson(m.body());
    return snooze.addTo(status).onSuccess(s -> {
      Replies.stale(rc.response(), "true".equals(m.headers().get(Addresses.STALE_HEADER)));
      Replies.json(rc, 200, s.toBuffer());
    }).mapEmpty();
  }
}
