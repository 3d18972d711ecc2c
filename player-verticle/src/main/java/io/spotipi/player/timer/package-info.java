/**
 * Snooze and the sleep timer: timers kept durable in the config owner's player state section, armed
 * on every player from that section, and acted on once (a compare-and-set claim with a lease) at
 * their instant, never before it. The decisions (claims, pause detection, fade-out) are pure.
 */
package io.spotipi.player.timer;
