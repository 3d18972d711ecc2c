package io.spotipi.shared.message;

/** Published on {@code spotipi.state.changed} after each durable state commit. */
public record StateChanged(String section, long revision) {
}
