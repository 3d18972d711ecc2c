package io.spotipi.shared.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Request of {@code spotipi.player.playback.play}, the body of {@code POST /api/playback/play}: a
 * playlist, album or artist plays as a context, a track alone.
 *
 * @param deviceName null: the active device, else the alarm's, else the fallback device
 * @param shuffle null: leave it as it is
 * @param volume 0..100; null: leave it as it is
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlayCommand(String uri, String deviceName, Boolean shuffle, Integer volume) {
}
