/** Which speaker an alarm plays on: pure matching of a configured name against Spotify's device list, and a brief cache of that list. */
package io.spotipi.player.device;
