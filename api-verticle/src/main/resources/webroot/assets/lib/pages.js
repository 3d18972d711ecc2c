// A list read a page at a time ({items, total, next_offset}, as the library's routes answer): the first
// page whenever the path changes, the next one on more(); an answer for a path no longer shown is dropped.
import { useEffect, useRef, useState } from '../vendor/preact-htm.js';
import { get } from './api.js';

const EMPTY = { path: null, items: [], total: 0, next: null, error: null, loading: false };

function withOffset(path, offset) {
  const url = new URL(path, location.origin);
  url.searchParams.set('offset', offset);
  return url.pathname + url.search;
}

/** {path (the one these items belong to), items, total, next, error, loading, more()}. */
export function usePages(path) {
  const [list, setList] = useState(EMPTY);
  const shown = useRef(path);
  shown.current = path;
  const load = (offset, before) => {
    setList({ ...before, path, loading: true, error: null });
    get(withOffset(path, offset)).then((r) => shown.current === path && setList({ path, items: [...before.items,
      ...r.data.items], total: r.data.total, next: r.data.next_offset, error: null, loading: false }),
    (error) => shown.current === path && setList({ ...before, path, error, loading: false }));
  };
  useEffect(() => {
    if (path) {
      load(0, EMPTY);
    } else {
      setList(EMPTY);
    }
  }, [path]);
  return { ...list, more: () => list.next != null && !list.loading && load(list.next, list) };
}
