package io.spotipi.api;

import io.spotipi.shared.FieldError;
import io.spotipi.shared.message.PlayCommand;
import io.spotipi.shared.message.SleepRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON bodies of the playback and sleep routes, checked field by field: every field that is not
 * what it should be is named in one 422, unknown fields too. Pure.
 */
final class ControlBodies {
  private ControlBodies() {
  }

  /** A playlist, album, artist or track, as the config's {@code playlist_uri} holds one. */
  static final Pattern URI = Pattern.compile("spotify:(playlist|album|artist|track):[A-Za-z0-9]{22}");
  /** As the config's {@code device_name}: no control characters, no markup. */
  private static final Pattern DEVICE = Pattern.compile("[^\\u0000-\\u001F\\u007F<>]{1,100}");
  static final int MAX_SLEEP_MINUTES = 480;

  /** {@code POST /api/playback/play}: {@code {uri, device_name?, shuffle?, volume?}}. */
  static PlayCommand play(JsonObject body) {
    Fields f = new Fields(body, Set.of("uri", "device_name", "shuffle", "volume"));
    PlayCommand command = new PlayCommand(f.uri("uri", true), f.device("device_name"), f.bool("shuffle"),
        f.integer("volume", 0, 100, false));
    f.done("the play request");
    return command;
  }

  /** {@code PUT /api/playback/volume}: {@code {volume: 0..100}}. */
  static int volume(JsonObject body) {
    Fields f = new Fields(body, Set.of("volume"));
    Integer volume = f.integer("volume", 0, 100, true);
    f.done("the volume");
    return volume;
  }

  /** {@code POST /api/sleep}: {@code {minutes?: 1..480, uri?, device_name?, volume?, shuffle?}}. */
  static SleepRequest sleep(JsonObject body) {
    Fields f = new Fields(body, Set.of("minutes", "uri", "device_name", "volume", "shuffle"));
    SleepRequest request = new SleepRequest(f.integer("minutes", 1, MAX_SLEEP_MINUTES, false), f.uri("uri", false),
        f.device("device_name"), f.integer("volume", 0, 100, false), f.bool("shuffle"));
    f.done("the sleep timer");
    return request;
  }

  /** Reads the fields of one body, collecting what is wrong. */
  private static final class Fields {
    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    Fields(JsonObject body, Set<String> known) {
      this.body = body;
      body.fieldNames().stream().filter(k -> !known.contains(k)).sorted()
          .forEach(k -> errors.add(new FieldError(k, "not a field here; known: " + known.stream().sorted().toList())));
    }

    String uri(String key, boolean required) {
      Object v = body.getValue(key);
      if (v == null && !required) {
        return null;
      }
      if (v instanceof String s && URI.matcher(s).matches()) {
        return s;
      }
      errors.add(new FieldError(key,
          (v == null ? "required: " : "") + "a Spotify URI spotify:<playlist|album|artist|track>:<id>"));
      return null;
    }

    String device(String key) {
      Object v = body.getValue(key);
      if (v == null || v instanceof String s && DEVICE.matcher(s).matches()) {
        return (String) v;
      }
      errors.add(new FieldError(key, "a device name of 1..100 characters, without control characters or < >"));
      return null;
    }

    Boolean bool(String key) {
      Object v = body.getValue(key);
      if (v == null || v instanceof Boolean) {
        return (Boolean) v;
      }
      errors.add(new FieldError(key, "true or false"));
      return null;
    }

    Integer integer(String key, int min, int max, boolean required) {
      Object v = body.getValue(key);
      if (v == null && !required) {
        return null;
      }
      if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= min
          && ((Number) v).longValue() <= max) {
        return ((Number) v).intValue();
      }
      errors.add(new FieldError(key, (v == null ? "required: " : "") + "a whole number " + min + ".." + max));
      return null;
    }

    void done(String what) {
      if (!errors.isEmpty()) {
        throw Problem.invalid(what + " has fields that are not what they should be", errors);
      }
    }
  }
}
