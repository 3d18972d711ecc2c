// The app's one state object. Modules change it with update(); the App component re-renders on
// every change (the tree is small), so views read `state` directly.
import { useEffect, useState } from '../vendor/preact-htm.js';

const listeners = new Set();

export const state = {
  path: '/',
  /** The effective config (GET /api/config), its ETag and revision; null until the first answer. */
  config: null,
  etag: null,
  revision: null,
  /** GET /api/alarm, and when it arrived (performance.now()), for the countdown. */
  alarm: null,
  alarmAt: 0,
  /** GET /api/thread-safety/status. */
  status: null,
  /** null: not known yet; false while the event stream is down. */
  online: null,
  /** Bumped on every (re)connect of the event stream: components re-probe their routes then. */
  generation: 0,
  /** The latest config event ({revision, changed_keys, origin}). */
  lastEvent: null,
  /** A short message for the live region: {text, kind}. */
  notice: null,
  /** Set while the token dialog asks: {reason, retry, resolve}. */
  tokenRequest: null,
};

export function update(patch) {
  Object.assign(state, patch);
  listeners.forEach((l) => l());
}

/** Re-renders the calling component on every state change. */
export function useStore() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return state;
}

let noticeTimer = 0;

/** Shows a message in the live region for a few seconds. */
export function notify(text, kind = 'info') {
  clearTimeout(noticeTimer);
  update({ notice: { text, kind } });
  noticeTimer = setTimeout(() => update({ notice: null }), kind === 'error' ? 8000 : 4000);
}
