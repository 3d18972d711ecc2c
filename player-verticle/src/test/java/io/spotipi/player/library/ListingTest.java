package io.spotipi.player.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spotipi.shared.message.LibraryItem;
import io.spotipi.shared.message.LibraryPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListingTest {
  private static Listing of(int n, String prefix) {
    return Listing.of(IntStream.range(0, n).mapToObj(i -> new LibraryItem("spotify:track:" + prefix + i, "t" + i, "",
        null, null)).toList());
  }

  @Test
  void pagesSliceTheWholeListAndSayWhereTheNextStarts() {
    Listing l = of(120, "a");
    LibraryPage first = l.page(0, 50);
    assertEquals(50, first.items().size());
    assertEquals(120, first.total());
    assertEquals(50, first.nextOffset());
    LibraryPage last = l.page(100, 50);
    assertEquals(20, last.items().size());
    assertNull(last.nextOffset());
    assertEquals(List.of(), l.page(500, 10).items());
    assertNull(l.page(500, 10).nextOffset());
    assertNull(l.page(110, 10).nextOffset());
  }

  @Test
  void theEntityTagFollowsTheContentAndThePage() {
    assertEquals(of(3, "a").page(0, 2).etag(), of(3, "a").page(0, 2).etag());
    assertNotEquals(of(3, "a").page(0, 2).etag(), of(3, "b").page(0, 2).etag());
    assertNotEquals(of(3, "a").page(0, 2).etag(), of(3, "a").page(1, 2).etag());
    assertEquals('"', of(3, "a").page(0, 2).etag().charAt(0));
  }
}
