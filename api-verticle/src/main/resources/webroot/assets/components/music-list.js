// Rows of music with their covers: a tap picks one; an artist opens its albums instead, with a second
// button to pick the artist itself. Below them: more pages, the list's error, or that it is empty.
import { html } from '../vendor/preact-htm.js';
import { formatNumber, t } from '../lib/i18n.js';
import { kindOf } from '../lib/library.js';
import { problemText } from '../lib/problem.js';
import { Cover } from './cover.js';
import { Icon } from './icons.js';

function subtitle(item) {
  const parts = [item.subtitle];
  if (item.track_count != null) {
    parts.push(t('music.tracks', { n: formatNumber(item.track_count) }));
  }
  return parts.filter(Boolean).join(' · ');
}

function Row({ item, onPick, onOpenArtist }) {
  const artist = kindOf(item.uri) === 'artist' && onOpenArtist;
  const body = html`
    <${Cover} url=${item.image_url} />
    <span class="music-text"><span class="music-name">${item.name}</span>
      <span class="music-sub">${subtitle(item)}</span></span>`;
  return html`
    <li class="music-row" data-uri=${item.uri}>
      <button type="button" class="music-item" onClick=${() => (artist ? onOpenArtist(item) : onPick(item))}
        aria-label=${artist ? t('music.artistAlbums', { name: item.name }) : undefined}>
        ${body}${artist && html`<${Icon} name="next" />`}</button>
      ${artist && html`<button type="button" class="button small" onClick=${() => onPick(item)}
        aria-label=${t('music.pickArtist', { name: item.name })}>${t('music.pick')}</button>`}
    </li>`;
}

/** @param pages what usePages gives, for its error, loading and more() */
export function MusicList({ items, pages, onPick, onOpenArtist, empty, testid }) {
  return html`
    ${items.length > 0 && html`
      <ul class="music-list" data-testid=${testid}>
        ${items.map((item) => html`<${Row} key=${item.uri} item=${item} onPick=${onPick} onOpenArtist=${onOpenArtist} />`)}
      </ul>`}
    ${pages && pages.error && html`<p class="error" role="alert">${problemText(pages.error)}</p>`}
    ${pages && pages.loading && html`<p class="muted" role="status">${t('common.loading')}</p>`}
    ${pages && !pages.loading && !pages.error && items.length === 0 && empty && html`<p class="muted">${empty}</p>`}
    ${pages && pages.next != null && !pages.loading && html`
      <div class="actions start"><button type="button" class="button small" onClick=${pages.more}>
        ${t('music.more', { shown: items.length, total: pages.total })}</button></div>`}`;
}
