package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Reply of {@code spotipi.player.library}: a slice of the whole list (read from Spotify page by page
 * and cached), the whole list's size, and where the next slice starts (null at the end).
 *
 * @param etag the entity tag of this page ({@code "..."}): the same as long as its content is
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LibraryPage(List<LibraryItem> items, int total, Integer nextOffset, String etag) {
}
