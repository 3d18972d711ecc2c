package io.spotipi.shared.message;

/** Body of {@code spotipi.state.load}: which section of the internal state (see {@code StateSections}). */
public record StateLoadRequest(String section) {
}
