// Saving the alarm as a compare-and-set: PUT /api/alarm with If-Match. A lost race whose winner did
// not touch the alarm (another key changed) is retried on the winner's revision; one that changed the
// alarm is handed back as a conflict, so the user sees the current values instead of overwriting them.
import { put } from './api.js';
import { alarmOf, differences, patchOf } from './alarm.js';
import { adoptAlarm, refreshConfig } from './live.js';

const RETRIES = 3;

/**
 * Saves what differs between `base` (the alarm as loaded, at entity tag `etag`) and `draft`.
 * Resolves to {saved: alarm status, etag} or {conflict: {current, etag, changed}} (`changed`: the keys the
 * other writer changed); rejects with ApiError for anything else (422 with field errors, 401, 503...).
 */
export async function saveAlarm(base, draft, etag) {
  const patch = patchOf(draft, differences(base, draft));
  let ifMatch = etag;
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await put('/api/alarm', patch, { ifMatch });
      adoptAlarm(r.data);
      refreshConfig();
      return { saved: r.data, etag: r.etag };
    } catch (e) {
      if (e.status !== 412 || !e.problem.current) {
        throw e;
      }
      const current = alarmOf(e.problem.current);
      const changed = differences(base, current);
      if (changed.length > 0 || attempt >= RETRIES) {
        return { conflict: { current, etag: e.etag, changed } };
      }
      ifMatch = e.etag;
    }
  }
}
