// Play now: a card that opens a sheet with the speaker (this browser remembers the last one), the music
// and shuffle; play is POST /api/playback/play.
import { html, useState } from '../vendor/preact-htm.js';
import { useAction } from '../lib/action.js';
import { post } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { keep, recall } from '../lib/local.js';
import { reloadPolled } from '../lib/polled.js';
import { notify } from '../lib/store.js';
import { Switch } from './alarm-card.js';
import { DevicePicker } from './device-picker.js';
import { Dialog } from './dialog.js';
import { Icon } from './icons.js';
import { MusicField } from './music-field.js';
import { PLAYBACK } from './now-playing.js';

const DEVICE_KEY = 'spotipi.playNowDevice';

function PlayNowSheet({ onClose }) {
  const [device, setDevice] = useState(() => recall(DEVICE_KEY, ''));
  const [music, setMusic] = useState({ uri: '', name: '' });
  const [shuffle, setShuffle] = useState(false);
  const [busy, run] = useAction();
  const play = (e) => {
    e.preventDefault();
    run(async () => {
      await post(`${PLAYBACK}/play`, { uri: music.uri, shuffle, ...(device ? { device_name: device } : {}) });
      keep(DEVICE_KEY, device);
      notify(t('play.started', { name: music.name || music.uri }));
      reloadPolled(PLAYBACK);
      onClose();
    });
  };
  return html`
    <${Dialog} title=${t('play.title')} onCancel=${onClose} sheet testid="play-sheet">
      <form onSubmit=${play}>
        <${DevicePicker} value=${device} onChange=${setDevice} empty="device.current" testid="play-device" />
        <${MusicField} uri=${music.uri} name=${music.name} browsable onChange=${setMusic} testid="play-music" />
        <${Switch} label=${t('field.shuffle')} checked=${shuffle} onChange=${setShuffle} testid="play-shuffle" />
        <div class="actions">
          <button type="submit" class="button primary" disabled=${busy || !music.uri} data-testid="play-start">
            <${Icon} name="play" />${t('play.play')}</button>
        </div>
      </form>
    <//>`;
}

export function PlayNowCard() {
  const [open, setOpen] = useState(false);
  return html`
    <section class="card" aria-labelledby="play-h" data-testid="play-card">
      <div class="card-head">
        <h2 id="play-h">${t('play.title')}</h2>
        <button type="button" class="button small primary" onClick=${() => setOpen(true)} data-testid="play-open">
          ${t('play.choose')}</button>
      </div>
      <p class="muted">${t('play.hint')}</p>
      ${open && html`<${PlayNowSheet} onClose=${() => setOpen(false)} />`}
    </section>`;
}
