// Reading a route that this server may not have yet (the Spotify-backed ones): a 404 means "not
// available", and the components using it render nothing. All components reading one path share one
// poll: read when the first of them appears once the event stream is up, again every `everyMs` (the
// shortest any of them asks for) while the page is visible, after every reconnect of the stream (the
// server may have been upgraded meanwhile), and on reloadPolled(path) after an action changed it.
import { useEffect, useState } from '../vendor/preact-htm.js';
import { get } from './api.js';
import { state } from './store.js';

const polls = new Map();

function pollOf(path) {
  if (!polls.has(path)) {
    polls.set(path, { result: { available: null, status: 0, data: null, error: null }, subscribers: new Map(),
      timer: 0, loading: null, generation: 0 });
  }
  return polls.get(path);
}

/** {available, status, data, error}: `error` is the ApiError of a route that answered with a problem. */
function resultOf(previous, r, error) {
  if (error) {
    // no answer at all (offline): keep what was shown; an answer with a problem replaces it
    return error.status ? { available: true, status: error.status, data: null, error } : previous;
  }
  return { available: r.status !== 404, status: r.status, data: r.status === 404 ? null : r.data, error: null };
}

/** Reads the path now (one read at a time per path) and re-renders every component showing it. */
export function reloadPolled(path) {
  const p = pollOf(path);
  if (!p.loading) {
    p.loading = get(path, { absentOk: true }).then((r) => resultOf(p.result, r, null), (e) => resultOf(p.result, null, e))
      .then((result) => {
        p.result = result;
        p.loading = null;
        p.subscribers.forEach((_, listener) => listener());
      });
  }
  return p.loading;
}

function schedule(p, path) {
  clearInterval(p.timer);
  const every = Math.min(...p.subscribers.values());
  p.timer = Number.isFinite(every)
    ? setInterval(() => document.hidden || p.result.available === false || reloadPolled(path), every) : 0;
}

/** {available: null (not known) | false | true, status, data, error, reload}. */
export function usePolled(path, everyMs) {
  const p = pollOf(path);
  const [, setTick] = useState(0);
  const generation = state.generation;
  const rendered = p.result;
  useEffect(() => {
    const idle = p.subscribers.size === 0;
    const listener = () => setTick((n) => n + 1);
    p.subscribers.set(listener, everyMs);
    schedule(p, path);
    if (idle && state.generation > 0) {
      reloadPolled(path);
    } else if (p.result !== rendered) {
      // an answer that came between the render and this effect told the subscribers before this one
      listener();
    }
    return () => {
      p.subscribers.delete(listener);
      schedule(p, path);
    };
  }, [path, everyMs]);
  useEffect(() => {
    if (generation > 0 && p.generation !== generation) {
      p.generation = generation;
      reloadPolled(path);
    }
  }, [path, generation]);
  return { ...p.result, reload: () => reloadPolled(path) };
}
