package io.spotipi.player.alarm;

import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.PlayOutcome;
import static io.spotipi.player.alarm.Alarms.DEVICES;
import static io.spotipi.player.alarm.Alarms.PLAY;
import static io.spotipi.player.alarm.Alarms.PLAYER;
import static io.spotipi.player.alarm.Alarms.PLAYLIST;
import static io.spotipi.player.alarm.Alarms.play;
import static io.spotipi.player.alarm.Alarms.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotipi.player.PlayerOptions;
import io.spotipi.player.fake.Fault;
import io.spotipi.player.fake.LogCapture;
import io.spotipi.player.fake.Rig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The play sequence through the night's usual failures; each ends played, or failed with its reason in time. */
@ExtendWith(VertxExtension.class)
class AlarmFailuresTest {
  private Rig rig;

  private Rig start(Vertx vertx, PlayerOptions options) {
    rig = options == null ? Rig.start(vertx, Clock.systemUTC()) : Rig.start(vertx, Clock.systemUTC(), options);
    return rig;
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void notConnectedFailsWithExactlyThatAndLogsWhatWouldHavePlayed(Vertx vertx) {
    start(vertx, null);
    try (LogCapture logs = LogCapture.open()) {
      PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 30, true, false));
      assertEquals(PlayOutcome.failed("2026-12-01T06:00:00Z", ErrorCode.NOT_CONNECTED, "Spotify not connected"),
          outcome);
      assertEquals(1, logs.containing("would have played").size(), logs.lines().toString());
      String line = logs.containing("would have played").get(0);
      assertTrue(line.contains("2026-12-01T06:00:00Z") && line.contains(PLAYLIST) && line.contains("Kitchen"), line);
    }
    assertEquals(0, rig.fake.requests().size());
  }

  @Test
  void aDeviceThatNeverAppearsFailsNamingWhatWasThere(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("l1", "Living Room");
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Garage", 30, false, false));
    assertFalse(outcome.played());
    assertTrue(outcome.detail().startsWith("find the device: no device named 'Garage' (devices: 'Living Room')"),
        outcome.detail());
    assertEquals(ErrorCode.NOT_FOUND, outcome.failure());
    assertEquals(rig.options.getMaxAttempts(), rig.fake.requests("GET", DEVICES).size());
    assertEquals(0, rig.fake.requests("PUT", PLAYER).size());
  }

  @Test
  void theFallbackDevicePlaysWhenTheNamedOneIsMissing(Vertx vertx) {
    start(vertx, Rig.fastOptions("unset").setFallbackDevice("Living Room")).connect(false);
    rig.fake.player().device("l1", "Living Room");
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Garage", 30, false, false));
    assertEquals("l1", outcome.deviceId());
    assertTrue(outcome.detail().contains("fallback device"), outcome.detail());
  }

  @Test
  void aDeviceThatKeepsFailingMakesWayForTheFallback(Vertx vertx) {
    start(vertx, Rig.fastOptions("unset").setFallbackDevice("Living Room").setMaxAttempts(2)).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.player().device("l1", "Living Room");
    rig.fake.fault(Fault.status("PUT", PLAYER, 404, null).times(2));
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false));
    assertEquals("l1", outcome.deviceId(), outcome.detail());
    assertTrue(outcome.detail().contains("'Kitchen' failed"), outcome.detail());
  }

  @Test
  void badGatewayOnTransferIsRetriedWithBackoff(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.status("PUT", PLAYER, 502, null).times(2));
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 30, false, false)).played());
    assertEquals(3, rig.fake.requests("PUT", PLAYER).size());
  }

  @Test
  void aDroppedConnectionOnPlayIsRetried(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.drop("PUT", PLAY));
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 30, false, false)).played());
    assertEquals(2, rig.fake.requests("PUT", PLAY).size());
  }

  @Test
  void aShortRetryAfterIsHonoured(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.tooManyRequests("PUT", PLAY, 1));
    assertTrue(play(rig, spec(PLAYLIST, "Kitchen", 30, false, false)).played());
    var plays = rig.fake.requests("PUT", PLAY);
    assertEquals(2, plays.size());
    assertTrue(plays.get(1).nanos() - plays.get(0).nanos() >= 1_000_000_000L, "waited its Retry-After");
  }

  @Test
  void aRetryAfterBeyondTheDeadlineFailsAtOnceWithTheReason(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.tooManyRequests("PUT", PLAYER, 3600));
    long t0 = System.nanoTime();
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false));
    assertFalse(outcome.played());
    assertTrue(outcome.detail().startsWith("transfer: rate limited by Spotify for 3600 s"), outcome.detail());
    assertEquals(ErrorCode.UNAVAILABLE, outcome.failure());
    assertTrue(millisSince(t0) < rig.options.playDeadline().toMillis(), "it did not wait for the deadline");
    assertEquals(1, rig.fake.requests("PUT", PLAYER).size());
  }

  @Test
  void premiumRequiredIsNotRetried(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.status("PUT", PLAY, 403, "PREMIUM_REQUIRED"));
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false));
    assertTrue(outcome.detail().contains("PREMIUM_REQUIRED"), outcome.detail());
    assertEquals(ErrorCode.FORBIDDEN, outcome.failure());
    assertEquals(1, rig.fake.requests("PUT", PLAY).size());
  }

  @Test
  void theDeadlineEndsItWithTheLastError(Vertx vertx) {
    start(vertx, Rig.fastOptions("unset").setMaxAttempts(1_000)).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.status("PUT", PLAYER, 503, null).times(1_000));
    long t0 = System.nanoTime();
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false), Duration.ofMillis(700));
    long took = millisSince(t0);
    assertFalse(outcome.played());
    assertTrue(outcome.detail().startsWith("transfer: HTTP 503"), outcome.detail());
    assertEquals(ErrorCode.UNAVAILABLE, outcome.failure());
    assertTrue(took >= 400, "it used the time it had: " + took + " ms");
    assertEquals(0, rig.fake.requests("PUT", PLAY).size());
  }

  @Test
  void aHangingRequestIsCutByTheDeadline(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.fault(Fault.delay("PUT", PLAYER, 60_000));
    long t0 = System.nanoTime();
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false), Duration.ofMillis(500));
    assertEquals("no playback by the deadline (at step transfer)", outcome.detail());
    assertEquals(ErrorCode.UNAVAILABLE, outcome.failure());
    assertTrue(millisSince(t0) < 5_000, "answered at the deadline, not at the request's timeout");
  }

  @Test
  void invalidGrantFailsTheAlarmAndTheNextOneWithoutAnotherTokenRequest(Vertx vertx) {
    start(vertx, null).connect(false);
    rig.fake.player().device("k1", "Kitchen");
    rig.fake.accounts().revokeRefreshTokens();
    PlayOutcome first = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false));
    assertTrue(first.detail().contains("connect Spotify again"), first.detail());
    assertEquals(ErrorCode.NOT_CONNECTED, first.failure());
    PlayOutcome second = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false));
    assertTrue(second.detail().contains("connect Spotify again"), second.detail());
    assertEquals(ErrorCode.NOT_CONNECTED, second.failure());
    assertEquals(1, rig.fake.requests("POST", "/api/token").size());
  }

  @Test
  void aPlayThatNeverShowsIsRetriedThenFails(Vertx vertx) {
    start(vertx, Rig.fastOptions("unset").setMaxAttempts(2).setPollAttempts(2)).connect(false);
    rig.fake.player().device("k1", "Kitchen").playLag(1_000);
    PlayOutcome outcome = play(rig, spec(PLAYLIST, "Kitchen", 30, false, false));
    assertFalse(outcome.played());
    assertTrue(outcome.detail().contains("did not report playing"), outcome.detail());
    assertEquals(ErrorCode.UNAVAILABLE, outcome.failure());
    assertEquals(2, rig.fake.requests("PUT", PLAY).size());
  }
}
