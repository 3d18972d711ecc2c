package io.spotipi.player;

import io.spotipi.player.auth.CredentialStore;
import io.spotipi.player.auth.SpotifyCredentials;
import io.spotipi.player.client.Device;
import io.spotipi.player.client.SpotifyException;
import io.spotipi.player.client.SpotifyFailures;
import io.spotipi.player.connect.ConnectFlow;
import io.spotipi.player.connect.CredentialsInput;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.AlarmPrepare;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.DeviceList;
import io.spotipi.shared.message.DevicesRequest;
import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.message.SpotifyDevice;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's addresses ({@link io.spotipi.shared.PlayerClient} is their client), each a local
 * consumer: every node plays on its own, and secrets in a request never cross to another node. A
 * failure is answered as a {@link ConfigFailure} whose code {@link SpotifyFailures} chose, with
 * Spotify's {@code Retry-After} where it gave one; a played alarm is never a failure, its outcome says.
 * Confined to the player verticle's event loop.
 */
final class PlayerEndpoints {
  private static final Logger log = LoggerFactory.getLogger(PlayerEndpoints.class);

  private final PlayerOptions options;
  private final Clock clock;
  private final PlayerServices services;
  private final CredentialStore store;
  private final CredentialsLoader credentials;
  private final ConnectFlow connect;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();

  PlayerEndpoints(PlayerOptions options, Clock clock, PlayerServices services, CredentialStore store,
      CredentialsLoader credentials, ConnectFlow connect) {
    this.options = options;
    this.clock = clock;
    this.services = services;
    this.store = store;
    this.credentials = credentials;
    this.connect = connect;
  }

  /** Completes when every consumer is registered. */
  Future<Void> register(EventBus bus) {
    on(bus, Addresses.PLAYER_PLAY, AlarmFired.class, this::play);
    on(bus, Addresses.PLAYER_PREPARE, AlarmPrepare.class, p -> ready()
        .compose(v -> services.alarms().prepare(p.occurrence(), p.alarm())));
    on(bus, Addresses.PLAYER_DEVICES, DevicesRequest.class, r -> ready()
        .compose(v -> services.devices().devices(r.refresh())).map(PlayerEndpoints::deviceList));
    on(bus, Addresses.SPOTIFY_STATUS, Object.class, any -> ready().map(v -> services.tokens().status()));
    on(bus, Addresses.SPOTIFY_CREDENTIALS_PUT, SpotifyCredentialsRequest.class, this::putCredentials);
    on(bus, Addresses.SPOTIFY_CREDENTIALS_DELETE, Object.class, any -> store.disconnect()
        .onSuccess(v -> log.info("Spotify disconnected: stored credentials forgotten, the environment's not used"))
        .compose(v -> credentials.reload(true)));
    on(bus, Addresses.SPOTIFY_AUTHORIZE, AuthorizeRequest.class, connect::authorize);
    on(bus, Addresses.SPOTIFY_CALLBACK, CallbackRequest.class, r -> connect.callback(r)
        .compose(c -> credentials.reload(true)));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  Future<Void> unregister() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  /** Never fails: a failed outcome carries its code, also when the credentials could not be read in time. */
  private Future<PlayOutcome> play(AlarmFired fired) {
    Instant deadline = clock.instant().plus(options.playDeadline());
    return credentials.ready(options.playDeadline()).transform(ar -> ar.succeeded()
        ? services.alarms().play(fired.occurrence(), fired.alarm(), deadline)
        : Future.succeededFuture(PlayOutcome.failed(fired.occurrence(), ErrorCode.UNAVAILABLE, ar.cause().getMessage())));
  }

  private Future<?> putCredentials(SpotifyCredentialsRequest request) {
    SpotifyCredentials given = CredentialsInput.parse(request, clock.instant());
    return store.save(given)
        .onSuccess(v -> log.info("Spotify credentials stored: {}", given))
        .compose(v -> credentials.reload(true));
  }

  private Future<Void> ready() {
    return credentials.ready(options.requestTimeout());
  }

  private static DeviceList deviceList(List<Device> devices) {
    return new DeviceList(devices.stream().map(d -> new SpotifyDevice(d.id(), d.name(), d.type(), d.active(),
        d.volumePercent(), d.supportsVolume())).toList());
  }

  private <T> void on(EventBus bus, String address, Class<T> type, Function<T, Future<?>> handler) {
    consumers.add(bus.localConsumer(address, msg -> {
      Future<?> result;
      try {
        result = handler.apply(Json.fromJson(msg.body(), type));
      } catch (DecodeException e) {
        result = Future.failedFuture(new ConfigFailure(ErrorCode.BAD_REQUEST, e.getMessage()));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(ar -> {
        if (ar.succeeded()) {
          msg.reply(ar.result() == null ? new JsonObject() : ar.result());
          return;
        }
        Throwable err = ar.cause();
        if (!(err instanceof SpotifyException || err instanceof ConfigFailure
            || err instanceof IllegalArgumentException)) {
          log.error("request on {} failed", address, err); // not an expected outcome: its stack helps
        }
        SpotifyFailures.failure(err).replyTo(msg);
      });
    }));
  }
}
