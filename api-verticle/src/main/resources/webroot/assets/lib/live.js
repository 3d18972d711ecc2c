// Keeps the state current: follows /api/config/events (a commit anywhere shows at once), re-reads
// everything after each (re)connect of the stream and on `resync`, and re-reads the alarm status when
// its countdown runs out or the page comes back into view.
import { get } from './api.js';
import { state, update } from './store.js';

const EVENTS = '/api/config/events';
const MAX_BACKOFF_MS = 10000;
const ALARM_REFRESH_MS = 60000;

/** Runs `task` now, or once more after the run in progress: never two at a time, never one lost. */
function coalesced(task) {
  let running = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = task().catch(() => {}).finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
    return running;
  };
  return run;
}

export const refreshConfig = coalesced(async () => {
  const r = await get('/api/config', { ifNoneMatch: state.etag });
  if (r.status === 200) {
    update({ config: r.data, etag: r.etag, revision: Number(JSON.parse(r.etag)) });
  }
});

let alarmTimer = 0;

/** Shows an alarm status (read, or answered by a save) and asks again once its countdown runs out. */
export function adoptAlarm(alarm) {
  update({ alarm, alarmAt: performance.now() });
  clearTimeout(alarmTimer);
  const left = alarm.next_fire_in_seconds;
  if (left != null) {
    // once the alarm has rung the scheduler names the next time: ask just after
    alarmTimer = setTimeout(refreshAlarm, Math.min(left * 1000 + 1500, 2 ** 31 - 1));
  }
}

export const refreshAlarm = coalesced(async () => adoptAlarm((await get('/api/alarm')).data));

export const refreshStatus = coalesced(async () => {
  const r = await get('/api/thread-safety/status');
  update({ status: r.data });
});

export function refreshAll() {
  return Promise.all([refreshConfig(), refreshAlarm(), refreshStatus()]);
}


let backoff = 1000;

function connect() {
  const source = new EventSource(EVENTS);
  source.onopen = () => {
    backoff = 1000;
    update({ online: true, generation: state.generation + 1 });
    refreshAll();
  };
  source.onmessage = (e) => {
    const event = JSON.parse(e.data);
    update({ lastEvent: event });
    if (state.revision == null || event.revision > state.revision) {
      refreshConfig();
      refreshAlarm();
    }
  };
  source.addEventListener('resync', () => refreshAll());
  source.onerror = () => {
    update({ online: false });
    if (source.readyState === EventSource.CLOSED) {
      // the browser gave up (an answer that was not a stream, e.g. 503 while starting): we do not
      source.close();
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  };
}

export function startLive() {
  refreshAll();
  connect();
  setInterval(() => document.hidden || refreshAlarm(), ALARM_REFRESH_MS);
  document.addEventListener('visibilitychange', () => document.hidden || refreshAlarm());
}
