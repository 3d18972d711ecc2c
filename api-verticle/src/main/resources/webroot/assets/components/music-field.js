// The music of an alarm, a sleep timer or "play now": what is chosen (its cover when this browser picked
// it) and a button that opens the picker. Without a usable library (no player on this server, Spotify
// not connected) the Spotify URI and a name are typed instead.
import { html, useState } from '../vendor/preact-htm.js';
import { t } from '../lib/i18n.js';
import { kindOf } from '../lib/library.js';
import { pickOf, rememberPick } from '../lib/recent.js';
import { Cover } from './cover.js';
import { MusicPicker } from './music-picker.js';

let ids = 0;

function Typed({ uri, name, onChange, error, testid }) {
  return html`
    <label class="field">
      <span>${t('field.playlist_uri')}</span>
      <input type="text" value=${uri} autocomplete="off" spellcheck="false" data-testid=${`${testid}-uri`}
        aria-invalid=${error ? 'true' : undefined} onInput=${(e) => onChange({ uri: e.target.value, name })} />
      <span class=${error ? 'error' : 'hint'}>${error || t('editor.uriHint')}</span>
    </label>
    ${name !== undefined && html`
      <label class="field">
        <span>${t('field.playlist_name')}</span>
        <input type="text" value=${name} autocomplete="off" data-testid=${`${testid}-name`}
          onInput=${(e) => onChange({ uri, name: e.target.value })} />
      </label>`}`;
}

/**
 * @param name undefined where only the URI is kept (the sleep timer's music)
 * @param onChange called with {uri, name} (name: the picked item's)
 * @param browsable whether the library can be browsed (Spotify connected)
 * @param error what the server said about the URI (a 422's field error)
 */
export function MusicField({ uri, name, onChange, browsable, error, testid }) {
  const [open, setOpen] = useState(false);
  const [id] = useState(() => `music-${++ids}`);
  if (!browsable) {
    return html`<${Typed} uri=${uri} name=${name} onChange=${onChange} error=${error} testid=${testid} />`;
  }
  const known = pickOf(uri);
  const shown = name || (known && known.name) || uri;
  const pick = (item) => {
    rememberPick(item);
    setOpen(false);
    onChange({ uri: item.uri, name: item.name });
  };
  return html`
    <div class="field" role="group" aria-labelledby=${id}>
      <span class="field-label" id=${id}>${t('field.playlist_name')}</span>
      <div class="music-choice">
        <${Cover} url=${known && known.image_url} size="m" />
        <span class="music-text">
          <span class=${shown ? 'music-name' : 'music-name muted'} data-testid=${`${testid}-name`}>${shown || t('music.none')}</span>
          <span class="music-sub">${kindOf(uri) ? t(`music.type.${kindOf(uri)}`) : ''}</span>
        </span>
        <button type="button" class="button small" onClick=${() => setOpen(true)} data-testid=${`${testid}-choose`}>
          ${t(uri ? 'music.change' : 'music.pick')}</button>
      </div>
      ${error && html`<span class="error">${error}</span>`}
      ${open && html`<${MusicPicker} onPick=${pick} onClose=${() => setOpen(false)} />`}
    </div>`;
}
