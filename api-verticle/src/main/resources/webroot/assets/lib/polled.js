// Reading a route that this server may not have yet (the Spotify-backed ones): a 404 means "not
// available", and the component using it renders nothing. First read once the event stream is up,
// again every `everyMs` while the page is visible, and after every reconnect of the stream (the
// server may have been upgraded meanwhile).
import { useCallback, useEffect, useRef, useState } from '../vendor/preact-htm.js';
import { get } from './api.js';
import { state } from './store.js';

/** {available: null (not known) | false | true, status, data, reload}. */
export function usePolled(path, everyMs) {
  const [result, setResult] = useState({ available: null, status: 0, data: null });
  const absent = useRef(false);
  const generation = state.generation;
  const load = useCallback(() => get(path, { absentOk: true }).then((r) => {
    absent.current = r.status === 404;
    setResult({ available: !absent.current, status: r.status, data: r.data });
  }).catch(() => {}), [path]);
  useEffect(() => {
    if (generation === 0) {
      return undefined;
    }
    load();
    const timer = setInterval(() => document.hidden || absent.current || load(), everyMs);
    return () => clearInterval(timer);
  }, [load, everyMs, generation]);
  return { ...result, reload: load };
}
