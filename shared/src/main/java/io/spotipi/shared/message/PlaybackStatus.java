package io.spotipi.shared.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What plays where: the reply of {@code spotipi.player.playback.state} and the body of
 * {@code GET /api/playback}. When nothing plays the reply's body is null (HTTP 204).
 *
 * @param device the active device; null when Spotify names none
 * @param item the track or episode; null between items or during an ad
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlaybackStatus(Device device, boolean isPlaying, boolean shuffle, long progressMs, Item item) {

  /** @param volumePercent null when the device reports none */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Device(String id, String name, Integer volumePercent) {
  }

  /**
   * @param artists the artists' names (an episode: its show)
   * @param album the album's name (an episode: its show)
   * @param imageUrl the smallest cover of at least 300 px, else the largest; null without any
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Item(String uri, String name, List<String> artists, String album, String imageUrl, Long durationMs) {
  }
}
