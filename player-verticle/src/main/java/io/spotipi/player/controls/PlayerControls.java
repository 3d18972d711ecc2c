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
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
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
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's consumers of the control addresses ({@code spotipi.player.playback.*}, {@code .library},
 * {@code .snooze*}, {@code .sleep.*}; local: every node has its own player) and of
 * {@code spotipi.alarm.fired} (from any node's scheduler). Started from the player verticle's start,
 * on its context, over its Spotify client, token cache and device cache. Failures are answered as
 * {@link ConfigFailure}s ({@link SpotifyFailures} for Spotify's).
 */
public final class PlayerControls {
  private static final Logger log = LoggerFactory.getLogger(PlayerControls.class);

  private final EventBus bus;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  private PlayerControls(Vertx vertx) {
    this.bus = vertx.eventBus();
  }

  /**
   * Registers the consumers and loads the timers (later, when the config owner is not up yet).
   *
   * @param config the player verticle's config: its {@code controls} object holds {@link ControlsOptions}
   */
  public static Future<Void> start(Vertx vertx, PlayerServices services, PlayerOptions options, Clock clock,
      JsonObject config) {
    EventBusCodecs.register(vertx);
    ControlsOptions controls = ControlsOptions.fromJson(config.getJsonObject("controls", new JsonObject()));
    ConfigClient configClient = ConfigClient.create(vertx, new ConfigClientOptions("player"));
    StateClient stateClient = StateClient.create(vertx, new ConfigClientOptions("player"));
    Random random = new Random();
    PlaybackControls playback = new PlaybackControls(vertx, services.spotify(), services.devices(), configClient,
        options, clock, controls.commandDeadline(), random);
    Library library = new Library(services.spotify(), services.tokens(), clock, controls.libraryTtl(),
        controls.libraryMaxLists(), controls.libraryMaxItems(), controls.searchMaxItems());
    String me = "player-" + UUID.randomUUID().toString().substring(0, 8);
    PlayerTimers timers = new PlayerTimers(new TimerDeps(vertx, services.spotify(), playback, configClient,
        new PlayerStateStore(stateClient), new Wakeups(vertx, clock, Duration.ofMillis(controls.recheckMs())),
        clock, controls, me));

    PlayerControls c = new PlayerControls(vertx);
    c.serve(Addresses.PLAYBACK_STATE, JsonObject.class, "read the player",
        r -> playback.state().map(o -> o.orElse(null)));
    c.serve(Addresses.PLAYBACK_PLAY, PlayCommand.class, "play", playback::play);
    c.serve(Addresses.PLAYBACK_COMMAND, PlaybackCommand.class, "playback command", playback::command);
    c.serve(Addresses.LIBRARY, LibraryRequest.class, "read the library", library::page);
    c.serve(Addresses.SNOOZE, JsonObject.class, "snooze", r -> timers.snoozes().snooze());
    c.serve(Addresses.SNOOZE_DISMISS, JsonObject.class, "dismiss the snooze", r -> timers.snoozes().dismiss());
    c.serve(Addresses.SNOOZE_STATUS, JsonObject.class, "read the snooze", r -> timers.snoozes().status());
    c.serve(Addresses.SLEEP_START, SleepRequest.class, "start the sleep timer", timers.sleep()::start);
    c.serve(Addresses.SLEEP_STOP, JsonObject.class, "stop the sleep timer", r -> timers.sleep().stop());
    c.serve(Addresses.SLEEP_STATUS, JsonObject.class, "read the sleep timer", r -> timers.sleep().status());
    c.consumers.add(c.bus.consumer(Addresses.ALARM_FIRED, (Handler<Message<Object>>) msg -> {
      try {
        timers.alarmFired(Json.fromJson(msg.body(), AlarmFired.class));
      } catch (DecodeException e) {
        log.warn("an alarm.fired event of another shape is ignored: {}", e.getMessage());
      }
    }));

    List<Future<?>> ready = new ArrayList<>();
    c.consumers.forEach(consumer -> ready.add(consumer.completion()));
    ready.add(configClient.ready());
    ready.add(stateClient.ready());
    return Future.all(ready).onSuccess(v -> timers.start()).mapEmpty();
  }

  /** A local consumer that answers with what {@code handler} completes with, or its failure. */
  private <T> void serve(String address, Class<T> type, String operation, Function<T, Future<?>> handler) {
    consumers.add(bus.<Object>localConsumer(address, msg -> {
      T request = Json.requestBody(msg, type);
      if (request == null) {
        return;
      }
      Future<?> answer;
      try {
        answer = handler.apply(request);
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onSuccess(msg::reply).onFailure(err -> {
        ConfigFailure f = failure(operation, err);
        log.info("player: {}", f.getMessage());
        f.replyTo(msg);
      });
    }));
  }

  private static ConfigFailure failure(String operation, Throwable err) {
    return err instanceof IllegalArgumentException bad ? new ConfigFailure(ErrorCode.BAD_REQUEST, bad.getMessage())
        : SpotifyFailures.of(operation, err);
  }
}
