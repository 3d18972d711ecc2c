// Pure logic of the alarm editor: the alarm's fields from a config document, what the user changed,
// and what someone else changed meanwhile (a compare-and-set that lost).
import { ALARM_KEYS, K } from './keys.js';
import { normalizeTime, normalizeWeekdays } from './time.js';

/** The alarm fields of a config document, normalised so that equal alarms compare equal. */
export function alarmOf(config) {
  const alarm = {};
  ALARM_KEYS.forEach((key) => { alarm[key] = config[key]; });
  alarm[K.TIME] = normalizeTime(config[K.TIME]);
  alarm[K.WEEKDAYS] = normalizeWeekdays(config[K.WEEKDAYS]);
  return alarm;
}

export function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The keys whose values differ between two alarms. */
export function differences(a, b) {
  return ALARM_KEYS.filter((key) => !same(a[key], b[key]));
}

/** The merge patch for PUT /api/alarm: the given keys of the draft; no weekdays → null (once). */
export function patchOf(draft, keys) {
  const patch = {};
  keys.forEach((key) => { patch[key] = draft[key]; });
  if (K.WEEKDAYS in patch && patch[K.WEEKDAYS].length === 0) {
    patch[K.WEEKDAYS] = null;
  }
  return patch;
}

/**
 * The user's changes (draft against base) carried over to the current alarm: the fields they changed
 * take their values, every other field keeps the current one.
 */
export function rebase(base, draft, current) {
  const next = { ...current };
  differences(base, draft).forEach((key) => { next[key] = draft[key]; });
  return next;
}
