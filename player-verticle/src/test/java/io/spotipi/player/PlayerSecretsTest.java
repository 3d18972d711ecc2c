package io.spotipi.player;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.LogCapture;
import io.spotipi.player.fake.Recorded;
import io.spotipi.shared.Addresses;
import io.spotipi.shared.ConfigClient;
import io.spotipi.shared.ConfigClientOptions;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AuthorizeReply;
import io.spotipi.shared.message.AuthorizeRequest;
import io.spotipi.shared.message.CallbackRequest;
import io.spotipi.shared.message.HistoryRequest;
import io.spotipi.shared.message.SpotifyCredentialsRequest;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The player's whole life with secrets (connect, rotation, a refused code, credentials put, disconnect)
 * over a real config owner: no secret, token or code in any log line, reply, failure, the user's config,
 * its change events, the state's events or the history.
 */
class PlayerSecretsTest extends OverARealOwner {

  @Test
  void noSecretLeavesThroughLogsRepliesTheConfigEventsOrHistory() {
    List<String> said = new ArrayList<>();
    Set<String> secrets = new HashSet<>(Set.of(FakeAccounts.CLIENT_SECRET));
    List<String> events = new CopyOnWriteArrayList<>();
    for (String address : List.of(Addresses.CONFIG_CHANGED, Addresses.STATE_CHANGED)) {
      Await.result(f.vertx.eventBus().consumer(address, m -> events.add(Json.toJson(m.body()).encode())).completion());
    }
    Context context = f.vertx.getOrCreateContext();
    ConfigClient config = Await.on(context, () -> {
      ConfigClient c = ConfigClient.create(f.vertx, new ConfigClientOptions("test"));
      return c.ready().map(c);
    });
    try (LogCapture logs = LogCapture.open()) {
      f.fake.accounts().rotate(true);
      f.redeployPlayer(Map.of("SPOTIFY_CLIENT_ID", FakeAccounts.CLIENT_ID, "SPOTIFY_CLIENT_SECRET", FakeAccounts.CLIENT_SECRET));
      AuthorizeReply reply = f.call(p -> p.authorize(new AuthorizeRequest(ConnectFlowTest.REDIRECT)));
      said.add(Json.toJson(reply).encode());
      String landed = Await.result(f.fake.consent(reply.authorizeUrl()));
      secrets.add(landed);
      secrets.add(URLDecoder.decode(landed.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8));
      said.add(f.failure(p -> p.callback(new CallbackRequest(landed.replace("code=", "code=x"), null, null)))
          .toString());
      said.add(f.failure(p -> p.callback(new CallbackRequest(landed, null, null))).toString()); // state used up
      reply = f.call(p -> p.authorize(new AuthorizeRequest(ConnectFlowTest.REDIRECT)));
      String second = Await.result(f.fake.consent(reply.authorizeUrl()));
      secrets.add(second);
      said.add(Json.toJson(f.call(p -> p.callback(new CallbackRequest(second, null, null)))).encode());
      said.add(f.call(p -> p.play(PlayerVerticleTest.fired())).toString());
      said.add(Json.toJson(f.call(p -> p.devices(true))).encode());
      String put = f.fake.accounts().issueRefreshToken();
      secrets.add(put);
      said.add(Json.toJson(f.call(p -> p.putCredentials(
          new SpotifyCredentialsRequest(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET, put)))).encode());
      said.add(f.failure(p -> p.putCredentials(
          new SpotifyCredentialsRequest(FakeAccounts.CLIENT_ID, FakeAccounts.CLIENT_SECRET + " ", put))).toString());
      said.add(f.call(p -> p.play(PlayerVerticleTest.fired())).toString());
      said.add(Json.toJson(f.call(p -> p.deleteCredentials())).encode());
      said.addAll(logs.lines());
    }
    said.add(Await.on(context, config::load).json().toString());
    said.addAll(events);
    said.add(Await.on(context, () -> config.history(new HistoryRequest(100, null))).toString());
    for (Recorded r : f.fake.requests()) {
      if (r.bearer() != null) {
        secrets.add(r.bearer());
      }
      for (String field : List.of("refresh_token", "code", "code_verifier")) {
        String value = r.body().replaceAll(".*(?:^|&)" + field + "=([^&]+).*", "$1");
        if (!value.equals(r.body())) {
          secrets.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
      }
    }
    assertTrue(secrets.size() >= 8, "secrets seen: " + secrets.size());
    assertTrue(events.size() >= 4, "change events seen: " + events);
    assertTrue(said.stream().anyMatch(s -> s.contains("Spotify connected")), said.toString());
    for (String text : said) {
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "'" + text + "' shows a secret");
      }
    }
  }
}
