package io.spotipi.player.playback;

import io.spotipi.player.library.Images;
import io.spotipi.player.library.LibraryItems;
import io.spotipi.shared.message.PlaybackStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code GET /v1/me/player}'s answer as {@code GET /api/playback} shows it. Pure. */
public final class PlaybackView {
  private PlaybackView() {
  }

  public static PlaybackStatus of(JsonObject player) {
    JsonObject device = player.getValue("device") instanceof JsonObject d ? d : null;
    JsonObject item = player.getValue("item") instanceof JsonObject i ? i : null;
    return new PlaybackStatus(
        device == null ? null : new PlaybackStatus.Device(device.getString("id"), device.getString("name", ""),
            device.getValue("volume_percent") instanceof Number n ? n.intValue() : null),
        Boolean.TRUE.equals(player.getValue("is_playing")), Boolean.TRUE.equals(player.getValue("shuffle_state")),
        player.getValue("progress_ms") instanceof Number n ? n.longValue() : 0,
        item == null ? null : item(item));
  }

  /** A track, or an episode (its show standing for artist and album). */
  private static PlaybackStatus.Item item(JsonObject item) {
    boolean episode = "episode".equals(item.getValue("type"));
    JsonObject album = episode ? LibraryItems.show(item) : LibraryItems.album(item);
    JsonArray images = episode && item.getValue("images") instanceof JsonArray own ? own
        : album.getJsonArray("images");
    List<String> artists = episode ? List.of(album.getString("name", "")) : LibraryItems.artistNames(item);
    return new PlaybackStatus.Item(item.getString("uri"), item.getString("name", ""), artists,
        album.getString("name", ""), Images.pick(images),
        item.getValue("duration_ms") instanceof Number n ? n.longValue() : null);
  }
}
