package io.spotipi.scheduler.plan;

import io.spotipi.shared.message.AlarmSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alarm fields of the config, parsed. {@code weekdays} is kept as configured (0 = Monday … 6 =
 * Sunday; {@code null} or empty for a one-time alarm) so it travels unchanged in status and events.
 */
public record Alarm(
    boolean enabled,
    LocalTime time,
    List<Integer> weekdays,
    ZoneId zone,
    String playlistUri,
    String deviceName,
    int volume,
    boolean fadeIn,
    boolean shuffle) {

  /** Used when the key is absent; the owner's defaults (default-config.json) normally provide it. */
  public static final int DEFAULT_VOLUME = 20;

  private static final Pattern TIME = Pattern.compile("([0-1]?[0-9]|2[0-3]):([0-5][0-9])");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /**
   * The alarm described by a config document.
   *
   * @throws IllegalArgumentException when {@code time}, {@code weekdays} or {@code timezone} is unusable
   */
  public static Alarm parse(JsonObject config) {
    try {
      return new Alarm(
          orElse(config.getBoolean("enabled"), false),
          parseTime(config.getString("time")),
          parseWeekdays(config.getJsonArray("weekdays")),
          parseZone(config.getString("timezone")),
          orElse(config.getString("playlist_uri"), ""),
          orElse(config.getString("device_name"), ""),
          orElse(config.getInteger("alarm_volume"), DEFAULT_VOLUME),
          orElse(config.getBoolean("fade_in"), false),
          orElse(config.getBoolean("shuffle"), false));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("an alarm field has the wrong type: " + e.getMessage());
    }
  }

  /** An absent key and a null value both mean the default. */
  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static LocalTime parseTime(String text) {
    Matcher m = text == null ? null : TIME.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("alarm time is not H:MM or HH:MM: " + text);
    }
    return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static List<Integer> parseWeekdays(JsonArray days) {
    if (days == null) {
      return null;
    }
    List<Integer> list = days.stream()
        .map(d -> d instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : -1)
        .toList();
    if (list.stream().anyMatch(d -> d < 0 || d > 6)) {
      throw new IllegalArgumentException("weekdays must be integers 0..6: " + days.encode());
    }
    return list;
  }

  /** The zone of the config; UTC when none is set (the machine's zone never matters). */
  private static ZoneId parseZone(String id) {
    if (id == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown timezone: " + id);
    }
  }

  /** No weekdays: fires at the next occurrence of its time, then disables itself. */
  public boolean oneTime() {
    return weekdays == null || weekdays.isEmpty();
  }

  public AlarmSchedule schedule() {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (weekdays != null) {
      weekdays.forEach(d -> days.add(DayOfWeek.of(d + 1)));
    }
    return new AlarmSchedule(time, days, zone);
  }

  public String timeText() {
    return time.format(HH_MM);
  }

  /** What a fired occurrence carries to listeners and the player. */
  public AlarmSpec toSpec() {
    return new AlarmSpec(timeText(), weekdays, playlistUri, deviceName, volume, fadeIn, shuffle);
  }
}
