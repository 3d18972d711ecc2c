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
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
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

  private final EventBus bus;
  private final ConfigClient client;
  private final SnoozeHandler snooze;
  private final DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(SCHEDULER_TIMEOUT_MS);

  AlarmHandler(EventBus bus, ConfigClient client, SnoozeHandler snooze) {
    this.bus = bus;
    this.client = client;
    this.snooze = snooze;
  }

  /**
   * The scheduler's status, never older than the config this API has seen (its own writes included),
   * with the player's snooze.
   */
  void status(RoutingContext rc) {
    client.load()
        .compose(seen -> ask(Addresses.ALARM_STATUS, new AlarmStatusRequest(seen.revision())))
        .compose(snooze::addTo)
        .onSuccess(s -> Replies.json(rc, 200, s.toBuffer()))
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
            .compose(snooze::addTo)
            .onSuccess(s -> rc.response().putHeader(HttpHeaders.ETAG, saved.etag())))
        .onSuccess(s -> Replies.json(rc, 200, s.toBuffer()))
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

  /** A request to the scheduler; its reply is a record (local codec) or the same shape as JSON (cluster). */
  private Future<JsonObject> ask(String address, Object body) {
    return bus.request(address, body, delivery)
        .map(m -> m.body() instanceof JsonObject json ? json : Json.toJson(m.body()))
        .recover(err -> Future.failedFuture(ConfigFailure.from(err)));
  }
}
