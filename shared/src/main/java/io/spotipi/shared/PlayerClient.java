package io.spotipi.shared;

import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmPrepare;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.message.AuthorizeReply;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.DeviceList;
import io.spotipi.shared.message.DevicesRequest;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.message.SpotifyStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * How the scheduler and the API reach this node's player: request-reply on the player addresses,
 * always local. Every node runs a player, so a request never crosses to another node, whose player
 * may be dead although the cluster still lists it, and secrets never travel between nodes.
 * Failures arrive as {@link ConfigFailure}s with the player's error code.
 */
public final class PlayerClient {
  private final EventBus bus;
  private final DeliveryOptions requests;
  private final DeliveryOptions plays;

  private PlayerClient(Vertx vertx, long requestTimeoutMs, long playTimeoutMs) {
    EventBusCodecs.register(vertx);
    this.bus = vertx.eventBus();
    this.requests = new DeliveryOptions().setLocalOnly(true).setSendTimeout(requestTimeoutMs);
    this.plays = new DeliveryOptions().setLocalOnly(true).setSendTimeout(playTimeoutMs);
  }

  /**
   * @param requestTimeoutMs for everything but {@link #play}: Spotify answers within seconds or the
   *     player fails the request itself
   * @param playTimeoutMs for {@link #play}: longer than the player's own deadline for an alarm
   */
  public static PlayerClient create(Vertx vertx, long requestTimeoutMs, long playTimeoutMs) {
    return new PlayerClient(vertx, requestTimeoutMs, playTimeoutMs);
  }

  /** Plays a fired alarm; completes once it plays or failed for good (the fade may still run). */
  public Future<PlayOutcome> play(AlarmFired fired) {
    return request(Addresses.PLAYER_PLAY, fired, plays, PlayOutcome.class);
  }

  /** Makes the token and the device ready for an occurrence due soon. */
  public Future<Void> prepare(String occurrence, AlarmSpec alarm) {
    return request(Addresses.PLAYER_PREPARE, new AlarmPrepare(occurrence, alarm), requests, Object.class).mapEmpty();
  }

  public Future<DeviceList> devices(boolean refresh) {
    return request(Addresses.PLAYER_DEVICES, new DevicesRequest(refresh), requests, DeviceList.class);
  }

  public Future<SpotifyStatus> status() {
    return request(Addresses.SPOTIFY_STATUS, new JsonObject(), requests, SpotifyStatus.class);
  }

  public Future<SpotifyStatus> putCredentials(SpotifyCredentialsRequest credentials) {
    return request(Addresses.SPOTIFY_CREDENTIALS_PUT, credentials, requests, SpotifyStatus.class);
  }

  public Future<SpotifyStatus> deleteCredentials() {
    return request(Addresses.SPOTIFY_CREDENTIALS_DELETE, new JsonObject(), requests, SpotifyStatus.class);
  }

  public Future<AuthorizeReply> authorize(AuthorizeRequest request) {
    return request(Addresses.SPOTIFY_AUTHORIZE, request, requests, AuthorizeReply.class);
  }

  public Future<SpotifyStatus> callback(CallbackRequest request) {
    return request(Addresses.SPOTIFY_CALLBACK, request, requests, SpotifyStatus.class);
  }

  private <T> Future<T> request(String address, Object body, DeliveryOptions delivery, Class<T> type) {
    return bus.request(address, body, delivery).transform(ar -> ar.succeeded()
        ? Future.succeededFuture(type == Object.class ? null : Json.fromJson(ar.result().body(), type))
        : Future.failedFuture(ConfigFailure.from(ar.cause())));
  }
}
