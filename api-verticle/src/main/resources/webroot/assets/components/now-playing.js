// What Spotify plays now, with its controls (GET /api/playback and its actions). Renders nothing
// while this server has no such route.
import { html, useState } from '../vendor/preact-htm.js';
import { post, put } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { usePolled } from '../lib/polled.js';
import { notify } from '../lib/store.js';
import { Icon } from './icons.js';

const POLL_MS = 4000;

export function NowPlaying() {
  const playback = usePolled('/api/playback', POLL_MS);
  const [volume, setVolume] = useState(null);
  if (!playback.available) {
    return null;
  }
  const p = playback.status === 200 ? playback.data : null;
  const control = (action) => post(`/api/playback/${action}`).then(playback.reload)
    .catch((e) => notify(t('error.action', { detail: e.message }), 'error'));
  const changeVolume = (value) => put('/api/playback/volume', { volume: value }).then(playback.reload)
    .catch((e) => notify(t('error.action', { detail: e.message }), 'error')).finally(() => setVolume(null));
  if (!p || !p.item) {
    return html`<section class="card" aria-labelledby="playing-h"><h2 id="playing-h">${t('playing.title')}</h2>
      <p class="muted">${t('playing.nothing')}</p></section>`;
  }
  const shown = volume ?? (p.device && p.device.volume_percent) ?? 0;
  return html`
    <section class="card playing" aria-labelledby="playing-h" data-testid="now-playing">
      <h2 id="playing-h">${t('playing.title')}</h2>
      <div class="playing-item">
        ${p.item.image_url ? html`<img class="cover" src=${p.item.image_url} alt="" width="96" height="96" />`
          : html`<div class="cover cover-empty"><${Icon} name="music" /></div>`}
        <div>
          <p class="title">${p.item.name}</p>
          <p class="muted">${(p.item.artists || []).join(', ')}</p>
          ${p.device && html`<p class="muted small">${t('playing.on', { device: p.device.name })}</p>`}
        </div>
      </div>
      <div class="controls">
        <button type="button" class="icon-button" aria-label=${t('playing.previous')} onClick=${() => control('previous')}>
          <${Icon} name="previous" /></button>
        <button type="button" class="icon-button big" aria-label=${t(p.is_playing ? 'playing.pause' : 'playing.play')}
          onClick=${() => control(p.is_playing ? 'pause' : 'resume')}><${Icon} name=${p.is_playing ? 'pause' : 'play'} /></button>
        <button type="button" class="icon-button" aria-label=${t('playing.next')} onClick=${() => control('next')}>
          <${Icon} name="next" /></button>
      </div>
      <label class="field range">
        <span>${t('playing.volume')}</span>
        <input type="range" min="0" max="100" value=${shown} onInput=${(e) => setVolume(Number(e.target.value))}
          onChange=${(e) => changeVolume(Number(e.target.value))} />
        <output>${shown} %</output>
      </label>
    </section>`;
}
