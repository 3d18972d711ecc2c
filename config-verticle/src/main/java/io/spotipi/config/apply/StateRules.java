package io.spotipi.config.apply;

import io.spotipi.shared.ConfigFailure;
import io.spotipi.shared.ErrorCode;
import io.spotipi.shared.JsonValues;
import io.spotipi.shared.PlayerState;
import io.spotipi.shared.SchedulerState;
import io.spotipi.shared.SpotifyState;
import io.spotipi.shared.StateSections;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a state request may name and hold: one of {@link StateSections#ALL}, a JSON object, and for a
 * section with a known shape, that shape. Pure; failures never echo a value (it may be a secret).
 */
final class StateRules {
  private StateRules() {
  }

  /** Per section, a check of its value that throws IllegalArgumentException naming the bad field. */
  private static final Map<String, Consumer<JsonObject>> SHAPES = Map.of(
      StateSections.SCHEDULER, SchedulerState::fromJson,
      StateSections.SPOTIFY, SpotifyState::fromJson,
      StateSections.PLAYER, PlayerState::fromJson);

  /** @throws ConfigFailure BAD_REQUEST unless {@code section} is a known section */
  static void requireSection(String section) {
    if (section == null || !StateSections.ALL.contains(section)) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST,
          section == null ? "a state request names a section" : "no state section " + section);
    }
  }

  /** @throws ConfigFailure BAD_REQUEST for a missing or too deep value, INVALID for one of the wrong shape */
  static void requireValid(String section, JsonObject value) {
    requireSection(section);
    if (value == null) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST, "a state commit carries a value");
    }
    if (JsonValues.deeperThan(value, JsonValues.MAX_DEPTH)) {
      throw new ConfigFailure(ErrorCode.BAD_REQUEST, "the value nests deeper than " + JsonValues.MAX_DEPTH + " levels");
    }
    Consumer<JsonObject> shape = SHAPES.get(section);
    if (shape != null) {
      try {
        shape.accept(value);
      } catch (IllegalArgumentException e) {
        throw new ConfigFailure(ErrorCode.INVALID, "state section " + section + ": " + e.getMessage());
      }
    }
  }
}
