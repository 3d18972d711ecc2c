/**
 * Who we are to Spotify: the credentials (stored, environment, env file), and the one access token per
 * process that every caller shares, refreshed once however many wait for it.
 */
package io.spotipi.player.auth;
