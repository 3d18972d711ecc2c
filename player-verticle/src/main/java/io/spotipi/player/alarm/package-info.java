/**
 * Playing a fired alarm: the pure decisions (fade steps, retry and backoff, whether a command took
 * effect) and the sequence that runs them against Spotify within a deadline.
 */
package io.spotipi.player.alarm;
