/**
 * Planning, with no Vert.x and no clock of its own: the alarm fields of a config, when they occur,
 * and which occurrence a scheduler waits for next given the time and what it has already handled
 * (including the one it owes after downtime). The verticle reads the clock and passes it in.
 */
package io.spotipi.scheduler.plan;
