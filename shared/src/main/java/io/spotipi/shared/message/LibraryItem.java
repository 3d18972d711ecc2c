package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One entry of a library page.
 *
 * @param subtitle the owner of a playlist, the artists of an album or track, "Artist" for an artist
 * @param imageUrl the smallest image of at least 300 px, else the largest; null without any
 * @param trackCount for playlists and albums only
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LibraryItem(String uri, String name, String subtitle, String imageUrl,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer trackCount) {
}
