package io.spotipi.player.library;

import io.spotipi.shared.Json;
import io.spotipi.shared.message.LibraryItem;
import io.spotipi.shared.message.LibraryPage;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A whole list as read from Spotify, and its version: a digest of its content, so that a list read
 * again unchanged keeps its pages' entity tags. Pure.
 */
public record Listing(List<LibraryItem> items, String version) {

  public static Listing of(List<LibraryItem> items) {
    JsonArray json = new JsonArray();
    items.forEach(i -> json.add(Json.toJson(i)));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.encode().getBytes(StandardCharsets.UTF_8));
      return new Listing(List.copyOf(items), HexFormat.of().formatHex(digest, 0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The items from {@code offset}, at most {@code limit}; past the end, none. */
  public LibraryPage page(int offset, int limit) {
    int total = items.size();
    int from = Math.min(offset, total);
    int to = (int) Math.min(total, (long) offset + limit);
    Integer next = to < total ? to : null;
    return new LibraryPage(items.subList(from, Math.max(from, to)), total, next,
        "\"" + version + "-" + offset + "-" + limit + "\"");
  }
}
