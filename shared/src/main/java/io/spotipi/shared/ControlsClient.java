package io.spotipi.shared;

import io.spotipi.shared.message.ControlDone;
import io.spotipi.shared.message.LibraryPage;
import io.spotipi.shared.message.LibraryRequest;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.PlaybackCommand;
import io.spotipi.shared.message.PlaybackStatus;
import io.spotipi.shared.message.SleepRequest;
import io.spotipi.shared.message.SleepStatus;
import io.spotipi.shared.message.SnoozeStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the API reaches this node's player for playback controls, the music library, snooze and the
 * sleep timer: request-reply on the control addresses, always local (every node runs its own player).
 * Failures arrive as {@link ConfigFailure}s with the player's error code (NOT_CONNECTED, NOT_FOUND,
 * FORBIDDEN, UNAVAILABLE with Spotify's {@code Retry-After}, ...).
 */
public final class ControlsClient {
  private static final JsonObject EMPTY = new JsonObject();

  private final EventBus bus;
  private final DeliveryOptions delivery;

  private ControlsClient(Vertx vertx, long timeoutMs) {
    EventBusCodecs.register(vertx);
    this.bus = vertx.eventBus();
    this.delivery = new DeliveryOptions().setLocalOnly(true).setSendTimeout(timeoutMs);
  }

  /**
   * @param timeoutMs longer than the player's own deadline for a command (it retries within it) and
   *     than reading a whole list from Spotify page by page
   */
  public static ControlsClient create(Vertx vertx, long timeoutMs) {
    return new ControlsClient(vertx, timeoutMs);
  }

  /** What plays where; empty when nothing plays. */
  public Future<Optional<PlaybackStatus>> playback() {
    return send(Addresses.PLAYBACK_STATE, EMPTY,
        body -> Optional.ofNullable(body).map(b -> Json.fromJson(b, PlaybackStatus.class)));
  }

  public Future<ControlDone> play(PlayCommand command) {
    return request(Addresses.PLAYBACK_PLAY, command, ControlDone.class);
  }

  public Future<ControlDone> command(PlaybackCommand command) {
    return request(Addresses.PLAYBACK_COMMAND, command, ControlDone.class);
  }

  public Future<LibraryPage> library(LibraryRequest request) {
    return request(Addresses.LIBRARY, request, LibraryPage.class);
  }

  /** Snoozes the alarm that plays; fails with CONFLICT when none fired within the snooze window. */
  public Future<SnoozeStatus> snooze() {
    return request(Addresses.SNOOZE, EMPTY, SnoozeStatus.class);
  }

  public Future<SnoozeStatus> dismissSnooze() {
    return request(Addresses.SNOOZE_DISMISS, EMPTY, SnoozeStatus.class);
  }

  public Future<SnoozeStatus> snoozeStatus() {
    return request(Addresses.SNOOZE_STATUS, EMPTY, SnoozeStatus.class);
  }

  public Future<SleepStatus> startSleep(SleepRequest request) {
    return request(Addresses.SLEEP_START, request, SleepStatus.class);
  }

  public Future<SleepStatus> stopSleep() {
    return request(Addresses.SLEEP_STOP, EMPTY, SleepStatus.class);
  }

  public Future<SleepStatus> sleepStatus() {
    return request(Addresses.SLEEP_STATUS, EMPTY, SleepStatus.class);
  }

  private <T> Future<T> request(String address, Object body, Class<T> type) {
    return send(address, body, reply -> Json.fromJson(reply, type));
  }

  private <T> Future<T> send(String address, Object body, Function<Object, T> decode) {
    return bus.request(address, body, delivery).transform(ar -> ar.failed()
        ? Future.failedFuture(ConfigFailure.from(ar.cause()))
        : Future.succeededFuture(decode.apply(ar.result().body())));
  }
}
