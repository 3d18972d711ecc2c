package io.spotipi.player.controls;

import io.spotipi.player.PlayerOptions;
import io.spotipi.player.PlayerServices;
import io.spotipi.player.client.SpotifyFailures;
import io.spotipi.player.library.Library;
import io.spotipi.player.playback.PlaybackControls;
import io.spotipi.player.timer.PlayerStateStore;
import io.spotipi.player.timer.PlayerTimers;
import io.spotipi.player.timer.TimerDeps;
import io.spotipi.player.timer.Wakeups;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.EventBusCodecs;
import io.spotipi.shared.Json;
import io.spotipi.shared.StateClient;
import io.spotipi.shared.message.AlarmFired;
import io.spotipi.shared.message.LibraryRequest;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.PlaybackCommand;
import io.spotipi.shared.message.SleepRequest;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's consumers of the control addresses ({@code spotipi.player.playback.*}, {@code .library},
 * {@code .snooze*}, {@code .sleep.*}; local: every node has its own player) and of
 * {@code spotipi.alarm.fired} (from any node's scheduler). Started from the player verticle's start,
 * on its context, over its Spotify client, token cache, device cache and its config and state clients.
 * Failures are answered as {@link ConfigFailure}s ({@link SpotifyFailures}).
 */
public final class PlayerControls {
  private static final Logger log = LoggerFactory.getLogger(PlayerControls.class);

  private final EventBus bus;
  private final Supplier<Future<Void>> credentialsReady;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  private PlayerControls(Vertx vertx, Supplier<Future<Void>> credentialsReady) {
    this.bus = vertx.eventBus();
    this.credentialsReady = credentialsReady;
  }

  /**
   * What the controls work with, from the player verticle.
   *
   * @param config the verticle's config client (its near cache: snooze and sleep keys, the alarm's device)
   * @param state the verticle's state client (the player section)
   * @param lastKnownDevices the config's {@code last_known_devices}
   * @param credentialsReady completes once the credentials were read (fails when that takes too long)
   */
  public record Wiring(PlayerServices services, PlayerOptions options, Clock clock, ConfigClient config,
      StateClient state, Supplier<Map<String, String>> lastKnownDevices, Supplier<Future<Void>> credentialsReady) {
  }

  /**
   * Registers the consumers and loads the timers (later, when the config owner is not up yet).
   *
   * @param config the player verticle's config: its {@code controls} object holds {@link ControlsOptions}
   */
  public static Future<Void> start(Vertx vertx, JsonObject config, Wiring w) {
    EventBusCodecs.register(vertx);
    ControlsOptions controls = ControlsOptions.fromJson(config.getJsonObject("controls", new JsonObject()));
    PlaybackControls playback = new PlaybackControls(vertx, w.services().spotify(), w.services().devices(), w.config(),
        w.lastKnownDevices(), w.options(), w.clock(), controls.commandDeadline(), new Random());
    Library library = new Library(w.services().spotify(), w.services().tokens(), w.clock(), controls.libraryTtl(),
        controls.libraryMaxLists(), controls.libraryMaxItems(), controls.searchMaxItems());
    String me = "player-" + UUID.randomUUID().toString().substring(0, 8);
    PlayerTimers timers = new PlayerTimers(new TimerDeps(vertx, w.services().spotify(), playback, w.config(),
        new PlayerStateStore(w.state()), new Wakeups(vertx, w.clock(), Duration.ofMillis(controls.recheckMs())),
        w.clock(), controls, me));

    PlayerControls c = new PlayerControls(vertx, w.credentialsReady());
    c.serve(Addresses.PLAYBACK_STATE, JsonObject.class, r -> playback.state().map(o -> o.orElse(null)));
    c.serve(Addresses.PLAYBACK_PLAY, PlayCommand.class, playback::play);
    c.serve(Addresses.PLAYBACK_COMMAND, PlaybackCommand.class, playback::command);
    c.serve(Addresses.LIBRARY, LibraryRequest.class, library::page);
    c.serve(Addresses.SNOOZE, JsonObject.class, r -> timers.snoozes().snooze());
    c.serve(Addresses.SNOOZE_DISMISS, JsonObject.class, r -> timers.snoozes().dismiss());
    c.serve(Addresses.SNOOZE_STATUS, JsonObject.class, r -> timers.snoozes().status());
    c.serve(Addresses.SLEEP_START, SleepRequest.class, timers.sleep()::start);
    c.serve(Addresses.SLEEP_STOP, JsonObject.class, r -> timers.sleep().stop());
    c.serve(Addresses.SLEEP_STATUS, JsonObject.class, r -> timers.sleep().status());
    c.consumers.add(c.bus.consumer(Addresses.ALARM_FIRED, (Handler<Message<Object>>) msg -> {
      try {
        timers.alarmFired(Json.fromJson(msg.body(), AlarmFired.class));
      } catch (DecodeException e) {
        log.warn("an alarm.fired event of another shape is ignored: {}", e.getMessage());
      }
    }));
    return Future.all(c.consumers.stream().map(MessageConsumer::completion).toList())
        .onSuccess(v -> timers.start()).mapEmpty();
  }

  /**
   * A local consumer that answers, once the credentials were read, with what {@code handler} completes
   * with, or its failure as {@link SpotifyFailures} maps it.
   */
  private <T> void serve(String address, Class<T> type, Function<T, Future<?>> handler) {
    consumers.add(bus.<Object>localConsumer(address, msg -> {
      T request = Json.requestBody(msg, type);
      if (request == null) {
        return;
      }
      credentialsReady.get().compose(v -> handler.apply(request)).onSuccess(msg::reply).onFailure(err -> {
        ConfigFailure f = SpotifyFailures.failure(err);
        log.info("player: {} failed: {}", address, f.getMessage());
        f.replyTo(msg);
      });
    }));
  }
}
