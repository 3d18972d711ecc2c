// What Spotify plays now (GET /api/playback; 204: nothing), with previous / play-pause / next and the
// volume. Home shows it while Spotify is connected; it renders nothing when the route answers a problem.
import { html, useState } from '../vendor/preact-htm.js';
import { post, put } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { usePolled } from '../lib/polled.js';
import { problemText } from '../lib/problem.js';
import { notify } from '../lib/store.js';
import { Cover } from './cover.js';
import { Icon } from './icons.js';

export const PLAYBACK = '/api/playback';
const POLL_MS = 4000;

function Controls({ playing, onAction }) {
  const button = (action, icon, label, big) => html`
    <button type="button" class=${big ? 'icon-button big' : 'icon-button'} aria-label=${t(label)} title=${t(label)}
      onClick=${() => onAction(action)} data-testid=${`playback-${action}`}><${Icon} name=${icon} /></button>`;
  return html`
    <div class="controls">
      ${button('previous', 'previous', 'playing.previous')}
      ${playing ? button('pause', 'pause', 'playing.pause', true) : button('resume', 'play', 'playing.play', true)}
      ${button('next', 'next', 'playing.next')}
    </div>`;
}

export function NowPlaying() {
  const playback = usePolled(PLAYBACK, POLL_MS);
  const [volume, setVolume] = useState(null);
  if (!playback.available || playback.error) {
    return null;
  }
  const failed = (e) => notify(t('error.action', { detail: problemText(e) }), 'error');
  const control = (action) => post(`${PLAYBACK}/${action}`).then(playback.reload, failed);
  const changeVolume = (value) => put(`${PLAYBACK}/volume`, { volume: value }).then(playback.reload, failed)
    .finally(() => setVolume(null));
  const p = playback.status === 200 ? playback.data : null;
  if (!p || !p.item) {
    return html`<section class="card" aria-labelledby="playing-h" data-testid="now-playing">
      <h2 id="playing-h">${t('playing.title')}</h2><p class="muted" data-testid="playing-nothing">${t('playing.nothing')}</p></section>`;
  }
  const device = p.device || {};
  const shown = volume ?? device.volume_percent;
  return html`
    <section class="card playing" aria-labelledby="playing-h" data-testid="now-playing">
      <h2 id="playing-h">${t('playing.title')}</h2>
      <div class="playing-item">
        <${Cover} url=${p.item.image_url} size="l" />
        <div class="music-text">
          <p class="title" data-testid="playing-title">${p.item.name}</p>
          <p class="muted" data-testid="playing-artist">${(p.item.artists || []).join(', ')}</p>
          ${device.name && html`<p class="muted small">${t('playing.on', { device: device.name })}</p>`}
        </div>
      </div>
      <${Controls} playing=${p.is_playing} onAction=${control} />
      ${shown != null && html`
        <label class="field range">
          <span>${t('playing.volume')}</span>
          <input type="range" min="0" max="100" value=${shown} onInput=${(e) => setVolume(Number(e.target.value))}
            onChange=${(e) => changeVolume(Number(e.target.value))} data-testid="playback-volume" />
          <output>${shown} %</output>
        </label>`}
    </section>`;
}
