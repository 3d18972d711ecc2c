// Errors in words: a problem the API answered (RFC 9457: title, detail, status, sometimes the Spotify
// `state`, and a Retry-After header) or a request that got no answer, as a sentence in the user's
// language; never raw JSON or a stack trace.
import { ApiError } from './api.js';
import { duration, t } from './i18n.js';

const MAX_DETAIL = 240;
const BY_STATE = { not_configured: 'problem.notConnected', reauthorize: 'problem.reauthorize' };
const BY_STATUS = { 401: 'problem.token', 403: 'problem.forbidden', 404: 'problem.notFound', 429: 'problem.busy',
  503: 'problem.unavailable' };

/** The server's detail when it reads as a plain sentence (not JSON, not a trace, not a wall of text). */
export function plain(text) {
  const s = typeof text === 'string' ? text.trim() : '';
  return s.length <= MAX_DETAIL && !/^[{[<]/.test(s) && !/\n\s*at\s/.test(s) ? s : '';
}

/** "no device named X" → "No device named X.": the server's words read as a sentence among ours. */
function sentence(text) {
  return text && `${text[0].toUpperCase()}${text.slice(1)}${/[.!?…]$/.test(text) ? '' : '.'}`;
}

function lead(status, state) {
  const key = BY_STATE[state] || BY_STATUS[status] || (status >= 500 ? 'problem.server' : null);
  return key ? t(key) : '';
}

/** What went wrong, for a notice or an error line. */
export function problemText(error) {
  if (!(error instanceof ApiError)) {
    return t('problem.network');
  }
  const p = error.problem || {};
  const first = lead(error.status, p.state);
  // a known Spotify state says it all; otherwise the server's own words add what the status cannot
  const detail = BY_STATE[p.state] ? '' : plain(p.detail) || (first ? '' : plain(p.title));
  const parts = [first, sentence(detail)].filter(Boolean);
  if (error.retryAfter) {
    parts.push(t('problem.retry', { left: duration(error.retryAfter) }));
  }
  return parts.join(' ') || t('problem.status', { status: error.status });
}
