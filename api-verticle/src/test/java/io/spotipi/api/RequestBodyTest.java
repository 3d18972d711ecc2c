package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
  private static int statusOf(String contentType, String body, List<String> accepted) {
    return assertThrows(Problem.class, () -> RequestBody.jsonObject(contentType, Buffer.buffer(body), accepted),
        contentType + " " + body).status();
  }

  @Test
  void acceptsTheListedMediaTypesWithParameters() {
    assertEquals(new JsonObject().put("a", 1),
        RequestBody.jsonObject("application/json; charset=utf-8", Buffer.buffer("{\"a\":1}"), RequestBody.JSON));
    assertEquals(new JsonObject().put("a", null),
        RequestBody.jsonObject("Application/Merge-Patch+JSON", Buffer.buffer("{\"a\":null}"), RequestBody.MERGE_PATCH));
    assertEquals(new JsonArray().add(1), RequestBody.json("application/json", Buffer.buffer("[1]"), RequestBody.JSON));
    assertEquals("x", RequestBody.json("application/json", Buffer.buffer("\"x\""), RequestBody.JSON));
  }

  @Test
  void wrongOrMissingMediaTypeIs415() {
    assertEquals(415, statusOf(null, "{}", RequestBody.JSON));
    assertEquals(415, statusOf("text/plain", "{}", RequestBody.JSON));
    assertEquals(415, statusOf("application/merge-patch+json", "{}", RequestBody.JSON));
    assertEquals(415, statusOf("application/x-www-form-urlencoded", "{}", RequestBody.MERGE_PATCH));
  }

  @Test
  void malformedJsonAndTheWrongTypeAre400() {
    for (String bad : List.of("", "{", "{\"a\":}", "{'a':1}", "{\"a\":1} trailing", "[1,2]", "42", "null", "\"s\"",
        "{\"a\":NaN}", "\u00ff\u00fe")) {
      assertEquals(400, statusOf("application/json", bad, RequestBody.JSON), bad);
    }
  }

  @Test
  void valuesAFileCouldNotCarryAreRefused() {
    assertEquals(400, statusOf("application/json", "{\"a\":1e400}", RequestBody.JSON));
    assertEquals(400, statusOf("application/json", "{\"a\":[\"\\ud800\"]}", RequestBody.JSON));
    assertEquals(400, statusOf("application/json", "{\"\\udc00\":1}", RequestBody.JSON));
    assertEquals(new JsonObject().put("a", "\ud83d\ude00"),
        RequestBody.jsonObject("application/json", Buffer.buffer("{\"a\":\"\\ud83d\\ude00\"}"), RequestBody.JSON));
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    for (int depth : new int[] {RequestBody.MAX_DEPTH, 900, 5000}) {
      String deep = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      assertEquals(400, statusOf("application/json", deep, RequestBody.JSON), "depth " + depth);
    }
    String ok = "{\"a\":" + "[".repeat(RequestBody.MAX_DEPTH - 1) + "]".repeat(RequestBody.MAX_DEPTH - 1) + "}";
    assertEquals(1, RequestBody.jsonObject("application/json", Buffer.buffer(ok), RequestBody.JSON).size());
  }
}
