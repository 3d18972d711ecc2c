package io.spotipi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7396 appendix A, every example. */
class JsonMergePatchTest {

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\":\"b\"}                | {\"a\":\"c\"}            | {\"a\":\"c\"}",
      "{\"a\":\"b\"}                | {\"b\":\"c\"}            | {\"a\":\"b\",\"b\":\"c\"}",
      "{\"a\":\"b\"}                | {\"a\":null}             | {}",
      "{\"a\":\"b\",\"b\":\"c\"}    | {\"a\":null}             | {\"b\":\"c\"}",
      "{\"a\":[\"b\"]}              | {\"a\":\"c\"}            | {\"a\":\"c\"}",
      "{\"a\":\"c\"}                | {\"a\":[\"b\"]}          | {\"a\":[\"b\"]}",
      "{\"a\":{\"b\":\"c\"}}        | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
      "{\"a\":[{\"b\":\"c\"}]}      | {\"a\":[1]}              | {\"a\":[1]}",
      "[\"a\",\"b\"]                | [\"c\",\"d\"]            | [\"c\",\"d\"]",
      "{\"a\":\"b\"}                | [\"c\"]                  | [\"c\"]",
      "{\"a\":\"foo\"}              | null                     | null",
      "{\"a\":\"foo\"}              | \"bar\"                  | \"bar\"",
      "{\"e\":null}                 | {\"a\":1}                | {\"e\":null,\"a\":1}",
      "[1,2]                        | {\"a\":\"b\",\"c\":null} | {\"a\":\"b\"}",
      "{}                           | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}",
  })
  void rfc7396AppendixA(String target, String patch, String expected) {
    Object t = Json.decodeValue(target);
    Object before = Json.decodeValue(target);
    Object result = JsonMergePatch.apply(t, Json.decodeValue(patch));
    assertEquals(Json.decodeValue(expected), result);
    assertEquals(before, t, "the target must not be mutated");
  }

  @org.junit.jupiter.api.Test
  void resultSharesNothingWithThePatch() {
    JsonObject patch = new JsonObject().put("a", new JsonObject().put("b", 1));
    JsonObject result = JsonMergePatch.apply(new JsonObject(), patch);
    result.getJsonObject("a").put("b", 2);
    assertEquals(1, patch.getJsonObject("a").getInteger("b"));
  }
}
