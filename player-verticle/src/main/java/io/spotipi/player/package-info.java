/**
 * The Spotify player: {@link io.spotipi.player.PlayerVerticle} owns one Spotify client and token cache
 * per process and plays fired alarms. Layers: {@code client} (HTTP to Spotify), {@code auth}
 * (credentials and the access token), {@code device} (which speaker), {@code alarm} (the play sequence).
 */
package io.spotipi.player;
