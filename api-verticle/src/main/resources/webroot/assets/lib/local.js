// Small things kept in this browser only (the last speaker of "play now", music picked lately, the alarm
// whose snooze it dismissed): JSON in localStorage, and a browser that keeps nothing simply forgets them.
export function recall(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value == null ? fallback : JSON.parse(value);
  } catch (e) {
    return fallback;
  }
}

export function keep(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    // storage full or disabled: nothing to keep it in
  }
}
