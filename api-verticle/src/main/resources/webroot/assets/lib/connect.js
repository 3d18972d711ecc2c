// The Spotify connect flow's pure parts: the redirect address to register with Spotify, and a first
// look at the address the user pastes back (where their browser landed after Spotify's consent page).
import { keep, recall } from './local.js';

const KEY = 'spotipi.redirectUri';

/** Spotify takes plain HTTP only for a loopback IP literal; SpotiPi's callback on this port. */
export function defaultRedirect(port = location.port) {
  return `http://127.0.0.1:${port || 5001}/api/spotify/callback`;
}

export function storedRedirect() {
  return recall(KEY, defaultRedirect());
}

export function storeRedirect(uri) {
  keep(KEY, uri);
}

/** null when the address carries a code and a state, else the message key that says what is wrong. */
export function pastedProblem(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch (e) {
    return 'connect.pasteNotAddress';
  }
  const q = url.searchParams;
  if (q.get('error')) {
    return q.get('error') === 'access_denied' ? 'connect.pasteDenied' : 'connect.pasteError';
  }
  return q.get('code') && q.get('state') ? null : 'connect.pasteIncomplete';
}
