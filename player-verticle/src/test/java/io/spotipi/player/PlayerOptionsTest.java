package io.spotipi.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlayerOptionsTest {

  @Test
  void defaultsAreSpotifysAndTheOriginalsFile() {
    PlayerOptions o = PlayerOptions.fromJson(new JsonObject());
    assertEquals("https://api.spotify.com", o.getApiUrl());
    assertEquals("https://accounts.spotify.com", o.getAccountsUrl());
    assertEquals("~/.spotipi/.env", o.getEnvFile());
    assertNull(o.getFallbackDevice());
    assertEquals(Duration.ofSeconds(120), o.prepareAhead());
    assertEquals(Duration.ofSeconds(90), o.playDeadline());
    assertFalse(o.toJson().containsKey("fallbackDevice"));
  }

  @Test
  void jsonRoundTripKeepsEveryField() {
    PlayerOptions o = new PlayerOptions().setApiUrl("http://127.0.0.1:1").setAccountsUrl("http://127.0.0.1:2")
        .setEnvFile("/etc/spotipi.env").setFallbackDevice("Kitchen").setRequestTimeoutMs(3).setTokenRefreshMarginMs(4)
        .setPrepareAheadMs(5).setPrepareTokenValidityMs(6).setPlayDeadlineMs(7).setDeviceCacheTtlMs(8)
        .setPollIntervalMs(9).setPollAttempts(10).setWakeWaitMs(11).setFadeStepMs(12).setBackoffBaseMs(13)
        .setBackoffMaxMs(14).setMaxAttempts(15);
    JsonObject json = o.toJson();
    assertEquals(json, PlayerOptions.fromJson(json).toJson());
    assertEquals(17, json.size());
    assertEquals("Kitchen", PlayerOptions.fromJson(json).getFallbackDevice());
    assertEquals(Duration.ofMillis(12), PlayerOptions.fromJson(json).fadeStep());
  }

  @Test
  void envFileTildeIsTheHomeFolder() {
    assertEquals(Path.of("/home/pi/.spotipi/.env"), PlayerOptions.envFilePath("~/.spotipi/.env", "/home/pi"));
    assertEquals(Path.of("/home/pi"), PlayerOptions.envFilePath("~", "/home/pi"));
    assertEquals(Path.of("/etc/x.env"), PlayerOptions.envFilePath("/etc/x.env", "/home/pi"));
    assertEquals(Path.of("~other/x"), PlayerOptions.envFilePath("~other/x", "/home/pi"));
  }
}
