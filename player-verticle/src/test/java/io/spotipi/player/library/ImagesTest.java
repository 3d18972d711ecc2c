package io.spotipi.player.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ImagesTest {
  private static JsonObject image(String url, Integer w, Integer h) {
    return new JsonObject().put("url", url).put("width", w).put("height", h);
  }

  @Test
  void theSmallestOfAtLeast300PxWins() {
    assertEquals("m", Images.pick(new JsonArray().add(image("l", 640, 640)).add(image("m", 300, 300))
        .add(image("s", 64, 64))));
    assertEquals("m", Images.pick(new JsonArray().add(image("s", 64, 64)).add(image("l", 640, 640))
        .add(image("m", 320, 320))));
    assertEquals("wide", Images.pick(new JsonArray().add(image("wide", 640, 300)).add(image("l", 640, 640))));
  }

  @Test
  void withoutOneThatBigAnUnknownSizeThenTheLargest() {
    assertEquals("mosaic", Images.pick(new JsonArray().add(image("s", 64, 64)).add(image("mosaic", null, null))));
    assertEquals("mid", Images.pick(new JsonArray().add(image("s", 64, 64)).add(image("mid", 200, 200))));
    assertEquals("w", Images.pick(new JsonArray().add(new JsonObject().put("url", "w").put("width", 400))));
  }

  @Test
  void nothingUsableIsNull() {
    assertNull(Images.pick(null));
    assertNull(Images.pick(new JsonArray()));
    assertNull(Images.pick(new JsonArray().addNull().add("x").add(new JsonObject().put("width", 640))));
  }
}
