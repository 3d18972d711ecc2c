/**
 * An occurrence once it is due: claimed (a scheduled one), announced, handed to this node's player,
 * and its outcome recorded where the user sees it ({@code last_fired}, the metric, and the device it
 * played on in {@code last_known_devices}).
 */
package io.spotipi.scheduler.fire;
