package io.spotipi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotipi.shared.message.LibraryRequest;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class LibraryQueryTest {
  private static MultiMap params(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void defaultsAndTheFullForm() {
    assertEquals(new LibraryRequest("albums", 20, 0, null, null, null, false), LibraryQuery.list("albums", params()));
    assertEquals(new LibraryRequest("top", 50, 100, null, null, null, true),
        LibraryQuery.list("top", params("limit", "50", "offset", "100", "refresh", "true")));
    assertEquals(new LibraryRequest("search", 20, 0, "abba", "track", null, false),
        LibraryQuery.search(params("q", "  abba ", "type", "track")));
    assertEquals(new LibraryRequest("artist_albums", 10, 0, null, null, "0TnOYISbd1XYRBk9myaseg", false),
        LibraryQuery.artistAlbums("0TnOYISbd1XYRBk9myaseg", params("limit", "10")));
  }

  @Test
  void everythingElseIsRefusedWithItsStatus() {
    assertEquals(404, assertThrows(Problem.class, () -> LibraryQuery.list("shows", params())).status());
    for (MultiMap bad : new MultiMap[] {params("limit", "0"), params("limit", "007x"), params("offset", "1000000"),
        params("refresh", "1"), params("q", "x"), params("limit", "1", "limit", "1")}) {
      assertEquals(400, assertThrows(Problem.class, () -> LibraryQuery.list("albums", bad)).status(), bad.toString());
    }
    assertEquals(400, assertThrows(Problem.class, () -> LibraryQuery.search(params("q", " a ", "type", "album")))
        .status());
    assertEquals(400, assertThrows(Problem.class, () -> LibraryQuery.search(params("q", "ab"))).status());
    assertEquals(400, assertThrows(Problem.class, () -> LibraryQuery.artistAlbums("../x", params())).status());
  }
}
