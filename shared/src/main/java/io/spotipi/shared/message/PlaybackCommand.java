package io.spotipi.shared.message;

/**
 * Request of {@code spotipi.player.playback.command}: one of {@link #PAUSE}, {@link #RESUME},
 * {@link #NEXT}, {@link #PREVIOUS} or {@link #VOLUME} (with {@code volume} 0..100), on the active
 * device (to resume: else the alarm's device, else the fallback).
 */
public record PlaybackCommand(String action, Integer volume) {
  public static final String PAUSE = "pause";
  public static final String RESUME = "resume";
  public static final String NEXT = "next";
  public static final String PREVIOUS = "previous";
  public static final String VOLUME = "volume";
}
