package io.spotipi.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The value of the {@link StateSections#PLAYER} section: the players' timers, durable so that a
 * restart or a failover still resumes a snoozed alarm and still ends a sleep timer, once. Every field
 * is optional; absent ones are left out of the JSON.
 *
 * @param alarm the alarm that fired last, while it may be snoozed
 * @param snooze a snoozed alarm waiting to resume
 * @param sleep a running sleep timer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayerState(AlarmWindow alarm, Snooze snooze, Sleep sleep) {

  public static final PlayerState NONE = new PlayerState(null, null, null);

  /**
   * The last alarm that fired (a manual trigger too): it may be snoozed until {@code firedAt} plus
   * {@code snooze_window_minutes}.
   *
   * @param volume the alarm's volume, which a snooze resumes at
   * @param watcher the player that looks for a pause of the alarm's playback (snooze on pause)
   * @param dismissed the user ended it: no snooze any more
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AlarmWindow(String occurrence, Instant firedAt, int volume, String deviceName, String uri,
      String watcher, boolean dismissed) {
    public AlarmWindow {
      require(occurrence, "alarm.occurrence");
      require(firedAt, "alarm.fired_at");
    }

    public AlarmWindow watchedBy(String player) {
      return new AlarmWindow(occurrence, firedAt, volume, deviceName, uri, player, dismissed);
    }

    public AlarmWindow dismiss() {
      return new AlarmWindow(occurrence, firedAt, volume, deviceName, uri, watcher, true);
    }
  }

  /**
   * A snoozed alarm: at {@code until} it plays again on the device at the volume.
   *
   * @param claim the player resuming it, while it does
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Snooze(String occurrence, Instant until, String deviceId, String deviceName, int volume,
      Claim claim) {
    public Snooze {
      require(occurrence, "snooze.occurrence");
      require(until, "snooze.until");
      require(deviceId, "snooze.device_id");
    }

    public Snooze claimed(Claim by) {
      return new Snooze(occurrence, until, deviceId, deviceName, volume, by);
    }
  }

  /**
   * A sleep timer: at {@code endsAt} the volume fades to 0, playback pauses and the device gets
   * {@code restoreVolume} back.
   *
   * @param id this timer (a new one replaces it)
   * @param restoreVolume the device's volume before the timer started; null when unknown
   * @param claim the player ending it, while it does
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Sleep(String id, Instant endsAt, String uri, String deviceId, String deviceName, int volume,
      Integer restoreVolume, Claim claim) {
    public Sleep {
      require(id, "sleep.id");
      require(endsAt, "sleep.ends_at");
      require(deviceId, "sleep.device_id");
    }

    public Sleep claimed(Claim by) {
      return new Sleep(id, endsAt, uri, deviceId, deviceName, volume, restoreVolume, by);
    }
  }

  /**
   * A player's claim to act on a timer that is due. Until {@code expires} no other player acts; a claim
   * left behind by a player that died is taken over after that.
   */
  public record Claim(String by, Instant expires) {
    public Claim {
      require(by, "claim.by");
      require(expires, "claim.expires");
    }
  }

  /** Unknown fields are refused: the owner keeps the shape exact. */
  private static final ObjectMapper STRICT = Json.MAPPER.copy()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /**
   * The section's value as a record.
   *
   * @throws IllegalArgumentException naming the field that is not what it should be (never its value)
   */
  public static PlayerState fromJson(JsonObject value) {
    try {
      return STRICT.convertValue(value.getMap(), PlayerState.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(describe(e));
    }
  }

  /** The section's value; absent fields are left out. */
  public JsonObject toJson() {
    return Json.toJson(this);
  }

  public PlayerState withAlarm(AlarmWindow next) {
    return new PlayerState(next, snooze, sleep);
  }

  public PlayerState withSnooze(Snooze next) {
    return new PlayerState(alarm, next, sleep);
  }

  public PlayerState withSleep(Sleep next) {
    return new PlayerState(alarm, snooze, next);
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": required");
    }
  }

  /** The path of the bad field and what is wrong, without the value Jackson's message may quote. */
  private static String describe(IllegalArgumentException e) {
    if (!(e.getCause() instanceof JsonMappingException m)) {
      return "not the shape of the player state";
    }
    if (m.getCause() instanceof IllegalArgumentException required) {
      return required.getMessage();
    }
    return m.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
        .collect(Collectors.joining(".")) + ": missing, unknown or of the wrong type";
  }
}
