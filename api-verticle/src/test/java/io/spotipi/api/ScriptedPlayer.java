package io.spotipi.api;

import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.EventBusCodecs;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmTriggered;
import io.spotipi.shared.message.AuthorizeReply;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.DeviceList;
import io.spotipi.shared.message.DevicesRequest;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.message.SpotifyDevice;
import io.spotipi.shared.message.SpotifyStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers on the player's addresses (and the scheduler's trigger) the way they answer, with their
 * failure codes, as a test scripts it; records every request that reached it. The API under test
 * talks to it over the real event bus, as it talks to the real player.
 */
final class ScriptedPlayer extends VerticleBase {
  static final SpotifyDevice KITCHEN = new SpotifyDevice("k1", "Kitchen", "Speaker", true, 40, true);
  static final SpotifyDevice TV = new SpotifyDevice("tv1", "TV", "TV", false, null, false);

  /** One request that reached the player, as it arrived. */
  record Call(String address, Object body) {
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile SpotifyStatus status = status("not_configured");
  /** When set, the devices request fails with it. */
  volatile ConfigFailure devicesFailure;
  /** The scheduler's reply to a trigger. */
  volatile AlarmTriggered triggered;
  private final Set<String> issuedStates = ConcurrentHashMap.newKeySet();

  static SpotifyStatus status(String state) {
    return new SpotifyStatus(state, state.equals("connected"), null, new SpotifyStatus.Token(0, 0, 0, null), null);
  }

  @Override
  public Future<?> start() {
    EventBusCodecs.register(vertx);
    List<MessageConsumer<Object>> consumers = new ArrayList<>();
    consumers.add(on(Addresses.SPOTIFY_STATUS, msg -> msg.reply(Json.toJson(status))));
    consumers.add(on(Addresses.SPOTIFY_CREDENTIALS_PUT, msg -> {
      Json.fromJson(msg.body(), SpotifyCredentialsRequest.class);
      status = status("connected");
      msg.reply(Json.toJson(status));
    }));
    consumers.add(on(Addresses.SPOTIFY_CREDENTIALS_DELETE, msg -> {
      status = status("not_configured");
      msg.reply(Json.toJson(status));
    }));
    consumers.add(on(Addresses.SPOTIFY_AUTHORIZE, msg -> {
      AuthorizeRequest req = Json.fromJson(msg.body(), AuthorizeRequest.class);
      String state = "state-" + (issuedStates.size() + 1) + "-" + System.nanoTime();
      issuedStates.add(state);
      msg.reply(Json.toJson(new AuthorizeReply("https://accounts.example/authorize?client_id=app&redirect_uri="
          + req.redirectUri() + "&state=" + state, state)));
    }));
    consumers.add(on(Addresses.SPOTIFY_CALLBACK, msg -> {
      CallbackRequest req = Json.fromJson(msg.body(), CallbackRequest.class);
      String state = req.url() != null ? stateIn(req.url()) : req.state();
      if (!issuedStates.remove(state)) {
        new ConfigFailure(ErrorCode.BAD_REQUEST, "unknown or already used state: nothing stored").replyTo(msg);
        return;
      }
      status = status("connected");
      msg.reply(Json.toJson(status));
    }));
    consumers.add(on(Addresses.PLAYER_DEVICES, msg -> {
      Json.fromJson(msg.body(), DevicesRequest.class);
      ConfigFailure failure = devicesFailure;
      if (failure != null) {
        failure.replyTo(msg);
      } else {
        msg.reply(Json.toJson(new DeviceList(List.of(KITCHEN, TV))));
      }
    }));
    consumers.add(on(Addresses.ALARM_TRIGGER, msg -> msg.reply(Json.toJson(triggered))));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private MessageConsumer<Object> on(String address, Handler<Message<Object>> answer) {
    return vertx.eventBus().consumer(address, msg -> {
      calls.add(new Call(address, msg.body()));
      answer.handle(msg);
    });
  }

  /** The requests that reached {@code address}. */
  List<Object> received(String address) {
    return calls.stream().filter(c -> c.address().equals(address)).map(Call::body).toList();
  }

  private static String stateIn(String url) {
    for (String pair : URI.create(url).getQuery().split("&")) {
      if (pair.startsWith("state=")) {
        return pair.substring("state=".length());
      }
    }
    return null;
  }
}
