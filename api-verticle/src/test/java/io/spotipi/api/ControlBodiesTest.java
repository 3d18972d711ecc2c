package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotipi.shared.FieldError;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.SleepRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlBodiesTest {
  static final String URI = "spotify:album:1DFixLWuPkv3KT3TnV35m3";

  @Test
  void validBodiesBecomeRequests() {
    assertEquals(new PlayCommand(URI, "Kitchen", true, 0), ControlBodies.play(new JsonObject().put("uri", URI)
        .put("device_name", "Kitchen").put("shuffle", true).put("volume", 0)));
    assertEquals(new PlayCommand(URI, null, null, null), ControlBodies.play(new JsonObject().put("uri", URI)));
    assertEquals(100, ControlBodies.volume(new JsonObject().put("volume", 100)));
    assertEquals(new SleepRequest(null, null, null, null, null), ControlBodies.sleep(new JsonObject()));
    assertEquals(new SleepRequest(480, URI, "Bed", 5, false), ControlBodies.sleep(new JsonObject().put("minutes", 480)
        .put("uri", URI).put("device_name", "Bed").put("volume", 5).put("shuffle", false)));
  }

  @Test
  void everyBadFieldIsNamedInOne422() {
    Problem p = assertThrows(Problem.class, () -> ControlBodies.play(new JsonObject().put("uri", "spotify:show:x")
        .put("volume", 101).put("shuffle", 1).put("device_name", "").put("extra", true)));
    assertEquals(422, p.status());
    assertEquals(List.of("extra", "uri", "device_name", "shuffle", "volume"), p.errors().stream().map(FieldError::field)
        .toList());
    assertEquals(422, assertThrows(Problem.class, () -> ControlBodies.volume(new JsonObject())).status());
    assertEquals(422, assertThrows(Problem.class, () -> ControlBodies.sleep(new JsonObject().put("minutes", 0)))
        .status());
  }
}
