// The app's screens by path. The server answers each of these paths with index.html
// (WebAppHandler.PAGES: keep the two lists equal).
import { update } from './store.js';

export const PAGES = ['/', '/alarm', '/settings', '/system'];

function current() {
  return PAGES.includes(location.pathname) ? location.pathname : '/';
}

export function navigate(path) {
  if (path !== location.pathname) {
    history.pushState(null, '', path);
  }
  update({ path: current() });
  // screen readers and keyboards start at the new screen's heading
  requestAnimationFrame(() => document.querySelector('main h1')?.focus());
}

export function startRouter() {
  update({ path: current() });
  addEventListener('popstate', () => update({ path: current() }));
  document.addEventListener('click', (e) => {
    const link = e.target.closest && e.target.closest('a[href]');
    if (!link || link.target || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    const url = new URL(link.href);
    if (url.origin === location.origin && PAGES.includes(url.pathname)) {
      e.preventDefault();
      navigate(url.pathname);
    }
  });
}
