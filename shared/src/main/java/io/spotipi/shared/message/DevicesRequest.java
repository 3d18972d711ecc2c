package io.spotipi.shared.message;

/** Request of {@code spotipi.player.devices}; {@code refresh} asks Spotify instead of the short cache. */
public record DevicesRequest(boolean refresh) {
}
