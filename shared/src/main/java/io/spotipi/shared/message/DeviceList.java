package io.spotipi.shared.message;

import java.util.List;

/** Reply of {@code spotipi.player.devices}. */
public record DeviceList(List<SpotifyDevice> devices) {
}
