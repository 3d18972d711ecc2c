// The Spotify connection as GET /api/spotify/status tells it, read once for every screen that shows it.
import { usePolled } from './polled.js';

export const SPOTIFY_STATUS = '/api/spotify/status';
const POLL_MS = 30000;

/**
 * The status poll plus `state`: 'absent' (this server has no player), 'unknown' (not read yet, or it
 * answered with a problem), else the status's own: 'connected', 'not_configured' or 'reauthorize'.
 */
export function useSpotify() {
  const s = usePolled(SPOTIFY_STATUS, POLL_MS);
  let state = 'unknown';
  if (s.available === false) {
    state = 'absent';
  } else if (s.data && s.data.state) {
    state = s.data.state;
  }
  return { ...s, state, connected: state === 'connected' };
}
