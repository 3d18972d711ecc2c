package io.spotipi.shared;

import java.util.List;

/**
 * The keys of the user's config document, declared once: the schema ({@code config-schema.json})
 * says what each may hold, the owner's defaults what each starts as. Code names a key only through
 * these constants.
 */
public final class ConfigKeys {
  private ConfigKeys() {
  }

  // ---- the alarm ---------------------------------------------------------------------------------
  public static final String ENABLED = "enabled";
  /** {@code H:MM} or {@code HH:MM}, local time in {@link #TIMEZONE}. */
  public static final String TIME = "time";
  /** 0 = Monday … 6 = Sunday; {@code null} or empty for a one-time alarm. */
  public static final String WEEKDAYS = "weekdays";
  /** An IANA zone id. */
  public static final String TIMEZONE = "timezone";
  public static final String PLAYLIST_URI = "playlist_uri";
  public static final String PLAYLIST_NAME = "playlist_name";
  public static final String DEVICE_NAME = "device_name";
  public static final String ALARM_VOLUME = "alarm_volume";
  public static final String FADE_IN = "fade_in";
  public static final String SHUFFLE = "shuffle";

  // ---- snooze ------------------------------------------------------------------------------------
  public static final String SNOOZE_ENABLED = "snooze_enabled";
  public static final String SNOOZE_MINUTES = "snooze_minutes";
  public static final String SNOOZE_WINDOW_MINUTES = "snooze_window_minutes";

  // ---- sleep timer -------------------------------------------------------------------------------
  public static final String SLEEP_VOLUME = "sleep_volume";
  public static final String SLEEP_DEFAULT_DURATION = "sleep_default_duration";
  public static final String SLEEP_PLAYLIST_URI = "sleep_playlist_uri";
  public static final String SLEEP_DEVICE_NAME = "sleep_device_name";

  // ---- the rest ----------------------------------------------------------------------------------
  public static final String LOG_LEVEL = "log_level";
  public static final String LANGUAGE = "language";
  public static final String DEBUG = "debug";
  /** Device name → the last Spotify device id seen for it. */
  public static final String LAST_KNOWN_DEVICES = "last_known_devices";
  public static final String ENV_DEFAULTS = "env_defaults";

  /** The keys that describe the alarm: what {@code PUT /api/alarm} may change. */
  public static final List<String> ALARM = List.of(ENABLED, TIME, WEEKDAYS, TIMEZONE, PLAYLIST_URI, PLAYLIST_NAME,
      DEVICE_NAME, ALARM_VOLUME, FADE_IN, SHUFFLE, SNOOZE_ENABLED);

  /** The keys the alarm's next fire time depends on. */
  public static final List<String> SCHEDULE = List.of(ENABLED, TIME, WEEKDAYS, TIMEZONE);

  /** Every key the schema declares, in its order. */
  public static final List<String> ALL = List.of(ENABLED, TIME, PLAYLIST_URI, PLAYLIST_NAME, DEVICE_NAME,
      ALARM_VOLUME, FADE_IN, SHUFFLE, SNOOZE_ENABLED, DEBUG, WEEKDAYS, SNOOZE_MINUTES, SNOOZE_WINDOW_MINUTES,
      SLEEP_VOLUME, SLEEP_DEFAULT_DURATION, SLEEP_PLAYLIST_URI, SLEEP_DEVICE_NAME, LOG_LEVEL, TIMEZONE, LANGUAGE,
      LAST_KNOWN_DEVICES, ENV_DEFAULTS);
}
