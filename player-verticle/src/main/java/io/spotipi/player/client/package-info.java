/**
 * The edge of the world: Spotify's accounts service and Web API over Vert.x's web client, non-blocking
 * on the caller's event loop, each request with a timeout, each failure a typed {@link
 * io.spotipi.player.client.SpotifyException} whose message carries no token or secret.
 */
package io.spotipi.player.client;
