package io.spotipi.shared.message;

/** Request of {@code spotipi.player.prepare}: the occurrence due in about two minutes, and its alarm. */
public record AlarmPrepare(String occurrence, AlarmSpec alarm) {
}
