/**
 * The player controls on the event bus: the consumers of the playback, library, snooze and sleep
 * addresses (local to each node's player) and the wiring of their services.
 */
package io.spotipi.player.controls;
