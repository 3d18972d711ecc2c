/**
 * Claiming an occurrence: the compare-and-set through the config owner that lets exactly one
 * scheduler play it, retried while the owner is unreachable, with its outcome as a value the
 * verticle (and the player behind it) acts on.
 */
package io.spotipi.scheduler.claim;
