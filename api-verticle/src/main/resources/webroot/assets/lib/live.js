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
let source = null;
let retryTimer = 0;

function connect() {
  clearTimeout(retryTimer);
  const stream = new EventSource(EVENTS);
  source = stream;
  stream.onopen = () => {
    backoff = 1000;
    update({ online: true, generation: state.generation + 1 });
    refreshAll();
  };
  stream.onmessage = (e) => {
    const event = JSON.parse(e.data);
    update({ lastEvent: event });
    if (state.revision == null || event.revision > state.revision) {
      refreshConfig();
      refreshAlarm();
    }
  };
  stream.addEventListener('resync', () => refreshAll());
  stream.onerror = () => {
    update({ online: false });
    if (stream.readyState === EventSource.CLOSED) {
      // the browser gave up (an answer that was not a stream, e.g. 503 while starting): we do not
      stream.close();
      source = null;
      retryTimer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  };
}

/**
 * Lets go of the stream while the page is hidden or left. Chromium keeps a left page, frozen, in its
 * back/forward cache with its stream open, and allows six connections per host: a few visits would
 * leave the current page none for its requests. The stream comes back (and everything is re-read)
 * when the page is shown again.
 */
function pause() {
  clearTimeout(retryTimer);
  if (source) {
    source.close();
    source = null;
  }
}

function resume() {
  if (!source && !document.hidden) {
    backoff = 1000;
    connect();
  }
}

export function startLive() {
  refreshAll();
  connect();
  setInterval(() => document.hidden || refreshAlarm(), ALARM_REFRESH_MS);
  document.addEventListener('visibilitychange', () => (document.hidden ? pause() : resume()));
  addEventListener('pagehide', pause);
  addEventListener('pageshow', (e) => e.persisted && resume());
}
