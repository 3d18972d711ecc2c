/**
 * Playback controls for the user (play, pause, resume, next, previous, volume, what plays): the same
 * device resolution and failure handling as an alarm, answered within a deadline.
 */
package io.spotipi.player.playback;
