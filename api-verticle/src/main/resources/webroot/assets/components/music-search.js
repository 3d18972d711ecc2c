// The catalogue search of the music picker: from two characters, once typing pauses, for playlists,
// albums, songs or artists.
import { html, useEffect, useState } from '../vendor/preact-htm.js';
import { t } from '../lib/i18n.js';
import { MIN_QUERY, SEARCH_TYPES, searchPath } from '../lib/library.js';
import { usePages } from '../lib/pages.js';
import { MusicList } from './music-list.js';

const PAUSE_MS = 300;

function useDebounced(value, ms) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function MusicSearch({ onPick, onOpenArtist }) {
  const [query, setQuery] = useState('');
  const [type, setType] = useState('playlist');
  const settled = useDebounced(query.trim(), PAUSE_MS);
  const pages = usePages(settled.length >= MIN_QUERY ? searchPath(settled, type) : null);
  const items = pages.path ? pages.items : [];
  return html`
    <label class="field">
      <span class="visually-hidden">${t('music.searchLabel')}</span>
      <input type="search" value=${query} placeholder=${t('music.searchLabel')} autocomplete="off" enterkeyhint="search"
        onInput=${(e) => setQuery(e.target.value)} data-testid="music-query" />
    </label>
    <div class="chips-row" role="radiogroup" aria-label=${t('music.searchType')}>
      ${SEARCH_TYPES.map((kind) => html`
        <label class="chip">
          <input type="radio" name="search-type" value=${kind} checked=${type === kind} onChange=${() => setType(kind)} />
          <span>${t(`music.type.${kind}`)}</span>
        </label>`)}
    </div>
    ${query.trim().length < MIN_QUERY ? html`<p class="hint">${t('music.searchHint', { n: MIN_QUERY })}</p>`
      : html`<${MusicList} items=${items} pages=${pages} onPick=${onPick} onOpenArtist=${onOpenArtist}
        empty=${t('music.noResults')} testid="music-results" />`}`;
}
