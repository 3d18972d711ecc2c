package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.FieldError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void invalidIs422WithEveryFieldError() {
    ConfigFailure f = ConfigFailure.invalid(List.of(new FieldError("alarm_volume", "must be ≤ 100"),
        new FieldError("time", "bad pattern")));
    Problem p = Problem.from(f, 500, false);
    assertEquals(422, p.status());
    JsonObject json = p.toJson("/api/config");
    assertEquals(422, json.getInteger("status"));
    assertEquals("alarm_volume", json.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals("bad pattern", json.getJsonArray("errors").getJsonObject(1).getString("message"));
    assertEquals("/api/config", json.getString("instance"));
    assertEquals("urn:spotipi:problem:invalid-config", json.getString("type"));
  }

  @Test
  void conflictIs412WithTheCurrentETagForACompareAndSetElse409() {
    ConfigFailure f = new ConfigFailure(ErrorCode.CONFLICT, "revision is 9, not 7", 9L, List.of());
    Problem cas = Problem.from(f, 500, true);
    assertEquals(412, cas.status());
    assertEquals("\"9\"", cas.headers().get("ETag"));
    assertEquals(409, Problem.from(f, 500, false).status());
  }

  @Test
  void storeFaultsAre503WithRetryAfter() {
    for (ErrorCode c : List.of(ErrorCode.STORAGE, ErrorCode.UNAVAILABLE)) {
      Problem p = Problem.from(new ConfigFailure(c, "disk full"), 500, false);
      assertEquals(503, p.status());
      assertEquals("1", p.headers().get("Retry-After"));
    }
  }

  @Test
  void otherCodesKeepTheirHttpStatus() {
    assertEquals(404, Problem.from(new ConfigFailure(ErrorCode.NOT_FOUND, "no such backup"), 500, false).status());
    assertEquals(400, Problem.from(new ConfigFailure(ErrorCode.BAD_REQUEST, "bad id"), 500, false).status());
  }

  @Test
  void thePlayersFailuresKeepTheirCodeAndTheWaitSpotifyAskedFor() {
    Problem limited = Problem.from(new ConfigFailure(ErrorCode.UNAVAILABLE, "rate limited").withRetryAfter(90), 500,
        false);
    assertEquals(503, limited.status());
    assertEquals("90", limited.headers().get("Retry-After"));
    assertEquals(403, Problem.from(new ConfigFailure(ErrorCode.FORBIDDEN, "premium required"), 500, false).status());
    Problem notConnected = Problem.from(new ConfigFailure(ErrorCode.NOT_CONNECTED, "not connected"), 500, true);
    assertEquals(409, notConnected.status());
    assertEquals(ErrorCode.NOT_CONNECTED, notConnected.code());
    assertEquals("reauthorize", notConnected.member("state", "reauthorize").toJson(null).getString("state"));
  }

  @Test
  void routerStatusesBecomeProblems() {
    assertEquals(404, Problem.from(null, 404, false).status());
    assertEquals(413, Problem.from(null, 413, false).status());
    assertEquals(400, Problem.from(new HttpException(400), 500, false).status());
    Problem p = Problem.of(405, "no").header("Allow", "GET");
    assertEquals(p, Problem.from(p, 500, false));
  }

  @Test
  void aBrokenRequestStreamIs400() {
    Problem p = Problem.from(new NumberFormatException("Invalid character in chunk size"), 200, false);
    assertEquals(400, p.status());
  }

  @Test
  void anUnknownExceptionIsABugNotAProblem() {
    assertNull(Problem.from(new IllegalStateException("oops"), 500, false));
  }

  @Test
  void theJsonHasNoErrorsMemberWithoutErrorsAndNeverAStackTrace() {
    JsonObject json = Problem.of(400, "bad").toJson(null);
    assertFalse(json.containsKey("errors"));
    assertFalse(json.containsKey("instance"));
    assertEquals(List.of("type", "title", "status", "detail"), List.copyOf(json.fieldNames()));
    assertEquals(0, Problem.of(400, "bad").getStackTrace().length);
  }
}
