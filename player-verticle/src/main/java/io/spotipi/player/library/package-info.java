/**
 * The user's music for pickers: lists read from Spotify page by page, cached per user for minutes,
 * served as slices with entity tags. The mapping of Spotify's objects and the choice of images are pure.
 */
package io.spotipi.player.library;
