// The music picker, a sheet: tabs for the user's playlists, albums, songs, artists, recently played and
// top tracks, and the catalogue search; music picked lately in this browser comes first; a filter box
// narrows the loaded list; an artist opens its albums. It remembers the last tab.
import { html, useRef, useState } from '../vendor/preact-htm.js';
import { t } from '../lib/i18n.js';
import { artistAlbumsPath, LISTS, listPath } from '../lib/library.js';
import { keep, recall } from '../lib/local.js';
import { usePages } from '../lib/pages.js';
import { recentFirst, recentPicks } from '../lib/recent.js';
import { Dialog } from './dialog.js';
import { Icon } from './icons.js';
import { MusicList } from './music-list.js';
import { MusicSearch } from './music-search.js';

const TABS = [...LISTS, 'search'];
const TAB_KEY = 'spotipi.musicTab';

function matches(item, filter) {
  const f = filter.trim().toLowerCase();
  return !f || `${item.name} ${item.subtitle || ''}`.toLowerCase().includes(f);
}

/** Tabs as a tablist: arrows, Home and End move between them (and select), as screen readers expect. */
function Tabs({ tab, onChange }) {
  const list = useRef(null);
  const key = (e) => {
    const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -TABS.length, End: TABS.length };
    if (!(e.key in moves)) {
      return;
    }
    e.preventDefault();
    const next = TABS[Math.max(0, Math.min(TABS.length - 1, TABS.indexOf(tab) + moves[e.key]))];
    onChange(next);
    requestAnimationFrame(() => list.current.querySelector(`#tab-${next}`).focus());
  };
  return html`
    <div class="tabs-inline" role="tablist" aria-label=${t('music.lists')} ref=${list} onKeyDown=${key}>
      ${TABS.map((name) => html`
        <button type="button" role="tab" id=${`tab-${name}`} aria-selected=${tab === name ? 'true' : 'false'}
          aria-controls="music-panel" tabindex=${tab === name ? 0 : -1} onClick=${() => onChange(name)}
          data-testid=${`music-tab-${name}`}>${t(`music.tab.${name}`)}</button>`)}
    </div>`;
}

function Library({ list, onPick, onOpenArtist }) {
  const [filter, setFilter] = useState('');
  const pages = usePages(listPath(list));
  const items = pages.path ? recentFirst(pages.items).filter((item) => matches(item, filter)) : [];
  const picks = filter ? [] : recentPicks().slice(0, 4);
  return html`
    <label class="field">
      <span class="visually-hidden">${t('music.filter')}</span>
      <input type="search" value=${filter} placeholder=${t('music.filter')} autocomplete="off"
        onInput=${(e) => setFilter(e.target.value)} data-testid="music-filter" />
    </label>
    ${picks.length > 0 && html`
      <h3 class="list-head">${t('music.picked')}</h3>
      <${MusicList} items=${picks} onPick=${onPick} testid="music-picked" />
      <h3 class="list-head">${t(`music.tab.${list}`)}</h3>`}
    <${MusicList} items=${items} pages=${pages} onPick=${onPick} onOpenArtist=${onOpenArtist}
      empty=${t(filter ? 'music.noMatch' : 'music.empty')} testid="music-items" />`;
}

function ArtistAlbums({ artist, onPick, onBack }) {
  const pages = usePages(artistAlbumsPath(artist.uri));
  return html`
    <div class="card-head">
      <button type="button" class="button small" onClick=${onBack} data-testid="music-back">
        <${Icon} name="back" />${t('music.back')}</button>
      <button type="button" class="button small" onClick=${() => onPick(artist)}>${t('music.pickThisArtist')}</button>
    </div>
    <h3 class="list-head">${t('music.artistAlbums', { name: artist.name })}</h3>
    <${MusicList} items=${pages.path ? pages.items : []} pages=${pages} onPick=${onPick} empty=${t('music.empty')}
      testid="music-albums" />`;
}

/** @param onPick called with the chosen item ({uri, name, subtitle, image_url}) */
export function MusicPicker({ onPick, onClose }) {
  const [tab, setTab] = useState(() => (TABS.includes(recall(TAB_KEY)) ? recall(TAB_KEY) : 'playlists'));
  const [artist, setArtist] = useState(null);
  const choose = (name) => {
    keep(TAB_KEY, name);
    setArtist(null);
    setTab(name);
  };
  const panel = () => {
    if (artist) {
      return html`<${ArtistAlbums} artist=${artist} onPick=${onPick} onBack=${() => setArtist(null)} />`;
    }
    return tab === 'search' ? html`<${MusicSearch} onPick=${onPick} onOpenArtist=${setArtist} />`
      : html`<${Library} key=${tab} list=${tab} onPick=${onPick} onOpenArtist=${setArtist} />`;
  };
  return html`
    <${Dialog} title=${t('music.title')} onCancel=${onClose} sheet testid="music-picker">
      <${Tabs} tab=${tab} onChange=${choose} />
      <div id="music-panel" role="tabpanel" aria-labelledby=${`tab-${tab}`} class="music-panel">${panel()}</div>
    <//>`;
}
