package io.spotipi.player.library;

import io.spotipi.player.client.Shapes;
import io.spotipi.shared.message.LibraryItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spotify's playlists, albums, artists and tracks as library items. Pure. Entries that are null (search
 * answers some), unknown or without a URI are left out, and each URI is listed once (the recently
 * played list repeats a track played twice).
 */
public final class LibraryItems {
  private LibraryItems() {
  }

  /** The items of a list's raw entries, in order. */
  public static List<LibraryItem> of(LibraryList list, List<JsonObject> entries) {
    List<LibraryItem> items = new ArrayList<>(entries.size());
    Set<String> seen = new LinkedHashSet<>();
    for (JsonObject entry : entries) {
      LibraryItem item = entry == null ? null : item(unwrap(list, entry));
      if (item != null && seen.add(item.uri())) {
        items.add(item);
      }
    }
    return items;
  }

  /**
   * The object an entry carries: saved albums and tracks wrap it with the date they were saved;
   * playlist entries of apps in development mode name the track {@code item} instead of {@code track}.
   */
  static JsonObject unwrap(LibraryList list, JsonObject entry) {
    if (list.wrapper() == null) {
      return entry;
    }
    Object inner = entry.getValue(list.wrapper());
    if (inner == null && list.wrapper().equals("track")) {
      inner = entry.getValue("item");
    }
    return inner instanceof JsonObject o ? o : null;
  }

  /** One playlist, album, artist or track; null for anything else (the playable kinds a picker offers). */
  static LibraryItem item(JsonObject o) {
    if (o == null || !(o.getValue("uri") instanceof String uri) || uri.isEmpty()) {
      return null;
    }
    String name = o.getValue("name") instanceof String s ? s : "";
    return switch (String.valueOf(o.getValue("type"))) {
      case "playlist" -> new LibraryItem(uri, name, owner(o), Images.pick(o.getJsonArray("images")),
          Shapes.trackTotal(o));
      case "album" -> new LibraryItem(uri, name, artists(o), Images.pick(o.getJsonArray("images")),
          Shapes.trackTotal(o));
      case "artist" -> new LibraryItem(uri, name, "Artist", Images.pick(o.getJsonArray("images")), null);
      case "track" -> new LibraryItem(uri, name, artists(o), Images.pick(album(o).getJsonArray("images")), null);
      default -> null;
    };
  }

  /** The names of an album's or track's artists, comma separated. */
  public static String artists(JsonObject o) {
    return String.join(", ", artistNames(o));
  }

  /** The names of an album's or track's artists. */
  public static List<String> artistNames(JsonObject o) {
    JsonArray artists = o.getValue("artists") instanceof JsonArray a ? a : new JsonArray();
    return artists.stream().filter(JsonObject.class::isInstance).map(a -> ((JsonObject) a).getString("name", ""))
        .filter(n -> !n.isEmpty()).collect(Collectors.toList());
  }

  /** A track's album; empty when absent. */
  public static JsonObject album(JsonObject track) {
    return track.getValue("album") instanceof JsonObject a ? a : new JsonObject();
  }

  /** An episode's show; empty when absent. */
  public static JsonObject show(JsonObject episode) {
    return episode.getValue("show") instanceof JsonObject s ? s : new JsonObject();
  }

  private static String owner(JsonObject playlist) {
    if (!(playlist.getValue("owner") instanceof JsonObject owner)) {
      return "";
    }
    Object shown = owner.getValue("display_name");
    return shown instanceof String s && !s.isEmpty() ? s : owner.getString("id", "");
  }
}
