// The config keys the app reads and writes, spelled as io.spotipi.shared.ConfigKeys declares them
// (a test of the API module checks that every one of them is in ConfigKeys.ALL).
export const K = Object.freeze({
  ENABLED: 'enabled',
  TIME: 'time',
  WEEKDAYS: 'weekdays',
  TIMEZONE: 'timezone',
  PLAYLIST_URI: 'playlist_uri',
  PLAYLIST_NAME: 'playlist_name',
  DEVICE_NAME: 'device_name',
  ALARM_VOLUME: 'alarm_volume',
  FADE_IN: 'fade_in',
  SHUFFLE: 'shuffle',
  SNOOZE_ENABLED: 'snooze_enabled',
  SNOOZE_MINUTES: 'snooze_minutes',
  SNOOZE_WINDOW_MINUTES: 'snooze_window_minutes',
  SLEEP_VOLUME: 'sleep_volume',
  SLEEP_DEFAULT_DURATION: 'sleep_default_duration',
  SLEEP_PLAYLIST_URI: 'sleep_playlist_uri',
  SLEEP_DEVICE_NAME: 'sleep_device_name',
  LANGUAGE: 'language',
});

/** What PUT /api/alarm may change (ConfigKeys.ALARM). */
export const ALARM_KEYS = Object.freeze([K.ENABLED, K.TIME, K.WEEKDAYS, K.TIMEZONE, K.PLAYLIST_URI,
  K.PLAYLIST_NAME, K.DEVICE_NAME, K.ALARM_VOLUME, K.FADE_IN, K.SHUFFLE, K.SNOOZE_ENABLED]);
