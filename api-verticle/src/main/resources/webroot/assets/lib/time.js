// Pure time arithmetic for the alarm: clock times in the alarm's zone, countdowns, weekdays
// (0 = Monday ... 6 = Sunday, as the config stores them).

/** "7:05" → "07:05"; anything that is not H:MM or HH:MM → "". */
export function normalizeTime(time) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time || '');
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : '';
}

/** Seconds after midnight of an H:MM time. */
export function secondsOfDay(time) {
  const [h, m] = normalizeTime(time).split(':').map(Number);
  return h * 3600 + m * 60;
}

/** The wall-clock time and weekday at `date` in the IANA zone `zone`. */
export function wallClock(date, zone) {
  const parts = {};
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday);
  return { seconds: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second), weekday };
}

/** Whether a one-time alarm at `time` would no longer ring today in `zone` (so it rings tomorrow). */
export function passedToday(time, zone, date = new Date()) {
  return normalizeTime(time) !== '' && secondsOfDay(time) <= wallClock(date, zone).seconds;
}

/** A non-negative duration split into days, hours, minutes and seconds. */
export function splitSeconds(total) {
  const s = Math.max(0, Math.floor(total));
  return { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600), m: Math.floor((s % 3600) / 60), s: s % 60 };
}

/** The weekdays as the config keeps them: sorted, unique, 0..6; null and [] both mean "once". */
export function normalizeWeekdays(days) {
  return Array.isArray(days) ? [...new Set(days)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b) : [];
}

/** Short weekday names in the locale, Monday first. */
export function weekdayNames(locale, width = 'short') {
  const f = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  return [0, 1, 2, 3, 4, 5, 6].map((i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
