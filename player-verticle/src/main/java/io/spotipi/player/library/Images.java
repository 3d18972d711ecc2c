package io.spotipi.player.library;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Which of Spotify's images of an item to show: the smallest that is at least {@link #MIN_SIDE} px
 * (sharp in a picker without loading the 640 px one); else one of unknown size (a playlist's mosaic
 * often comes without width and height, and is large); else the largest. Pure.
 */
public final class Images {
  public static final int MIN_SIDE = 300;

  private Images() {
  }

  /** The chosen image's URL; null when there is none. */
  public static String pick(JsonArray images) {
    if (images == null) {
      return null;
    }
    String bigEnough = null;
    int bigEnoughSide = Integer.MAX_VALUE;
    String unknown = null;
    String largest = null;
    int largestSide = -1;
    for (int i = 0; i < images.size(); i++) {
      if (!(images.getValue(i) instanceof JsonObject image) || !(image.getValue("url") instanceof String url)) {
        continue;
      }
      Integer side = side(image);
      if (side == null) {
        unknown = unknown == null ? url : unknown;
      } else if (side >= MIN_SIDE && side < bigEnoughSide) {
        bigEnough = url;
        bigEnoughSide = side;
      } else if (side > largestSide) {
        largest = url;
        largestSide = side;
      }
    }
    return bigEnough != null ? bigEnough : unknown != null ? unknown : largest;
  }

  /** The shorter known side; null when neither is known. */
  private static Integer side(JsonObject image) {
    Integer w = image.getValue("width") instanceof Number n ? n.intValue() : null;
    Integer h = image.getValue("height") instanceof Number n ? n.intValue() : null;
    if (w == null || h == null) {
      return w == null ? h : w;
    }
    return Math.min(w, h);
  }
}
