/**
 * The Spotify player: {@link io.spotipi.player.PlayerVerticle} owns one Spotify client and token cache
 * per process, plays fired alarms and answers the player's addresses ({@code PlayerEndpoints}). Layers:
 * {@code client} (HTTP to Spotify), {@code auth} (credentials and the access token), {@code connect}
 * (connecting an account), {@code device} (which speaker), {@code alarm} (the play sequence).
 */
package io.spotipi.player;
