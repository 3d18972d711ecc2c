package io.spotipi.player.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.shared.message.PlayOutcome;
import io.spotipi.player.fake.FakeAccounts;
import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.LogCapture;
import io.spotipi.player.fake.Recorded;
import io.spotipi.player.fake.Rig;
import io.spotipi.shared.Json;
import io.spotipi.shared.message.AlarmSpec;
import io.spotipi.shared.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A night of trouble (rotation, expiry, 5xx, a store that fails, a revoked token) with every log line,
 * failure message, outcome and status captured: none holds the secret or a token.
 */
@ExtendWith(VertxExtension.class)
class SecretsTest {

  @Test
  void noSecretOrTokenInLogsMessagesOutcomesOrStatus(Vertx vertx) {
    List<String> said = new ArrayList<>();
    Set<String> secrets = new HashSet<>();
    List<String> logLines;
    try (Rig rig = Rig.start(vertx, Clock.systemUTC()); LogCapture logs = LogCapture.open()) {
      rig.fake.player().device("k1", "Kitchen");
      rig.fake.accounts().rotate(true);
      SpotifyCredentials creds = rig.connect(false);
      said.add(creds.toString());
      AlarmSpec alarm = new AlarmSpec("07:00", List.of(), "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", "Kitchen", 10,
          true, false);
      rig.fake.fault(Fault.status("PUT", "/v1/me/player", 502, null));
      rig.fake.fault(Fault.effect("PUT", "/v1/me/player/volume", rig.fake.accounts()::expireAccessTokens).after(2));
      rig.store.failSaves(1);
      said.add(rig.on(() -> rig.services.alarms().play("o1", alarm, Instant.now().plusSeconds(10))).toString());
      Await.result(rig.call(() -> rig.services.alarms().fading()));
      said.add(Json.toJson(rig.services.tokens().status()).encode());
      rig.fake.accounts().revokeRefreshTokens();
      rig.fake.accounts().expireAccessTokens();
      PlayOutcome failed = rig.on(() -> rig.services.alarms().play("o2", alarm, Instant.now().plusSeconds(10)));
      said.add(failed.toString());
      said.add(Await.failure(rig.call(() -> rig.services.tokens().accessToken())).getMessage());
      said.add(Json.toJson(rig.services.tokens().status()).encode());
      logLines = logs.lines();
      for (Recorded r : rig.fake.requests()) {
        if (r.bearer() != null) {
          secrets.add(r.bearer());
        }
        if (r.path().equals("/api/token")) {
          secrets.add(r.body().replaceAll(".*refresh_token=([^&]+).*", "$1"));
        }
      }
      secrets.add(rig.fake.accounts().latestRefreshToken());
    }
    secrets.add(FakeAccounts.CLIENT_SECRET);
    said.addAll(logLines);
    assertTrue(secrets.size() >= 5, "tokens seen: " + secrets.size());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("rotated refresh token is stored")), logLines.toString());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("invalid_grant")), logLines.toString());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("rejected the access token")), logLines.toString());
    for (String text : said) {
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "'" + text + "' shows a secret");
      }
    }
  }
}
