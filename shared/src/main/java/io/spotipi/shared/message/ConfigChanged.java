package io.spotipi.shared.message;

import java.util.List;

/** Published on {@code spotipi.config.changed} after each durable commit, in revision order. */
public record ConfigChanged(long revision, List<String> changedKeys, String origin) {
}
