// The system view's Spotify figures: the connection's state and its token cache (what the cached access
// token has left, refreshes sent to Spotify's accounts service, tokens asked of the cache, and the share
// of those served without a refresh), from GET /api/spotify/status.
import { html } from '../vendor/preact-htm.js';
import { duration, formatNumber, t } from '../lib/i18n.js';
import { problemText } from '../lib/problem.js';

export function TokenFigures({ spotify }) {
  if (!spotify.data) {
    return html`<p class=${spotify.error ? 'error' : 'muted'}>${spotify.error ? problemText(spotify.error) : t('common.loading')}</p>`;
  }
  const s = spotify.data;
  const token = s.token || {};
  const rows = [
    ['tokens.state', t(`tokens.state.${s.state}`), 'state'],
    ['tokens.validFor', token.valid_for_seconds > 0 ? duration(token.valid_for_seconds) : t('tokens.none'), 'valid'],
    ['tokens.hitRate', token.cache_hit_rate == null ? '—' : `${formatNumber(token.cache_hit_rate * 100, 1)} %`, 'hit-rate'],
    ['tokens.refreshes', formatNumber(token.refreshes_total ?? 0), 'refreshes'],
    ['tokens.requests', formatNumber(token.requests_total ?? 0), 'requests'],
  ];
  return html`
    <dl class="figures">${rows.map(([label, value, id]) => html`
      <div><dt>${t(label)}</dt><dd data-testid=${`token-${id}`}>${value}</dd></div>`)}</dl>
    ${s.last_error && html`<p class="hint">${t('spotify.lastError', { error: s.last_error })}</p>`}`;
}
