package io.spotipi.api;

import static io.spotipi.api.ApiServer.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.message.AlarmTriggered;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /api/alarm/trigger}: what the scheduler answers, as HTTP (its firing is the scheduler's test). */
class TriggerRouteTest {
  private static final Instant AT = Instant.parse("2026-12-01T05:30:00Z");
  private static final String OCCURRENCE = "manual-" + AT;

  @RegisterExtension
  static final ScriptedPlayerApi RIG = new ScriptedPlayerApi();

  private HttpResponse<Buffer> trigger() {
    return RIG.api.send(RIG.api.request(HttpMethod.POST, "/api/alarm/trigger"));
  }

  @Test
  void playedIs200WithTheOccurrenceAndItsDevice() {
    RIG.player.triggered = new AlarmTriggered(OCCURRENCE, AT, "played", "Kitchen", "played on 'Kitchen' (exact name)",
        null);
    HttpResponse<Buffer> r = trigger();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(new JsonObject().put("occurrence", OCCURRENCE).put("fired_at", AT.toString()).put("outcome", "played")
        .put("device", "Kitchen").put("detail", "played on 'Kitchen' (exact name)"), r.bodyAsJsonObject());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "NOT_FOUND,   404, no device named 'Garage'",
      "FORBIDDEN,   403, Spotify Premium is required (PREMIUM_REQUIRED)",
      "UNAVAILABLE, 503, Spotify cannot be reached: connection refused"})
  void failedIsTheProblemOfItsCodeWithTheDetail(ErrorCode code, int status, String detail) {
    RIG.player.triggered = new AlarmTriggered(OCCURRENCE, AT, "failed", null, detail, code);
    HttpResponse<Buffer> r = trigger();
    JsonObject p = assertProblem(r, status);
    assertEquals(detail, p.getString("detail"));
    assertEquals(OCCURRENCE, p.getString("occurrence"));
    assertEquals(AT.toString(), p.getString("fired_at"));
    assertEquals("failed", p.getString("outcome"));
    assertEquals(status == 503 ? "1" : null, r.getHeader("Retry-After"));
  }

  @Test
  void notConnectedIs409WithTheStateOfSpotify() {
    RIG.player.status = ScriptedPlayer.status("not_configured");
    RIG.player.triggered = new AlarmTriggered(OCCURRENCE, AT, "failed", null, "Spotify not connected",
        ErrorCode.NOT_CONNECTED);
    JsonObject p = assertProblem(trigger(), 409);
    assertEquals("Spotify not connected", p.getString("detail"));
    assertEquals("not_configured", p.getString("state"));
    assertEquals(OCCURRENCE, p.getString("occurrence"));
  }
}
