/**
 * Connecting a Spotify account: the authorization-code flow with {@code state} and PKCE, what the browser
 * brings back from the consent page, and the credentials a user puts; the pure checks apart from the
 * flow that stores the result.
 */
package io.spotipi.player.connect;
