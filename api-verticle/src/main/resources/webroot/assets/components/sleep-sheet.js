// The sleep timer's sheet. While one runs: when the music stops, where, and stop. Otherwise (or to
// replace it): the duration (15 to 120 minutes or any from 1 to 480), speaker, volume, shuffle and
// music, each starting from the config's sleep defaults; start is POST /api/sleep.
import { html, useState } from '../vendor/preact-htm.js';
import { useAction } from '../lib/action.js';
import { del, post } from '../lib/api.js';
import { duration, formatTime, t } from '../lib/i18n.js';
import { K } from '../lib/keys.js';
import { reloadPolled } from '../lib/polled.js';
import { notify } from '../lib/store.js';
import { useSecondTick } from '../lib/tick.js';
import { Switch } from './alarm-card.js';
import { DevicePicker } from './device-picker.js';
import { Dialog } from './dialog.js';
import { MusicField } from './music-field.js';

export const SLEEP = '/api/sleep';
export const SLEEP_POLL_MS = 15000;
const CHOICES = [15, 30, 45, 60, 90, 120];
const MAX_MINUTES = 480;

function Running({ sleep, onStop, onReplace }) {
  const now = useSecondTick();
  const ends = new Date(sleep.ends_at);
  return html`
    <div class="sleep-running" data-testid="sleep-running">
      <p class="big-countdown" role="timer">${duration((ends - now) / 1000)}</p>
      <p class="muted">${t('sleep.endsAt', { time: formatTime(ends) })}${sleep.device ? ` · ${sleep.device}` : ''}</p>
      <div class="actions">
        <button type="button" class="button" onClick=${onReplace}>${t('sleep.replace')}</button>
        <button type="button" class="button danger" onClick=${onStop} data-testid="sleep-stop">${t('sleep.stop')}</button>
      </div>
    </div>`;
}

function Minutes({ minutes, onChange }) {
  const custom = !CHOICES.includes(minutes);
  return html`
    <fieldset class="plain">
      <legend>${t('sleep.duration')}</legend>
      <div class="chips-row">
        ${CHOICES.map((m) => html`
          <label class="chip">
            <input type="radio" name="sleep-minutes" checked=${minutes === m} onChange=${() => onChange(m)}
              data-testid=${`sleep-${m}`} />
            <span>${t('unit.min', { n: m })}</span>
          </label>`)}
        <label class="chip">
          <input type="radio" name="sleep-minutes" checked=${custom} onChange=${() => custom || onChange(20)}
            data-testid="sleep-custom" />
          <span>${t('sleep.custom')}</span>
        </label>
      </div>
      ${custom && html`
        <label class="field inline">
          <span>${t('sleep.minutes')}</span>
          <input type="number" min="1" max=${MAX_MINUTES} step="1" value=${minutes} inputmode="numeric"
            onInput=${(e) => onChange(Number(e.target.value))} data-testid="sleep-custom-minutes" />
        </label>`}
    </fieldset>`;
}

function Form({ config, browsable, onStarted }) {
  const [minutes, setMinutes] = useState(config[K.SLEEP_DEFAULT_DURATION] || 30);
  const [device, setDevice] = useState(config[K.SLEEP_DEVICE_NAME] || '');
  const [volume, setVolume] = useState(config[K.SLEEP_VOLUME] ?? 30);
  const [shuffle, setShuffle] = useState(false);
  const [music, setMusic] = useState({ uri: config[K.SLEEP_PLAYLIST_URI] || '' });
  const [busy, run] = useAction();
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_MINUTES;
  const start = (e) => {
    e.preventDefault();
    run(async () => {
      const body = { minutes, volume, shuffle, ...(music.uri ? { uri: music.uri } : {}), ...(device ? { device_name: device } : {}) };
      const r = await post(SLEEP, body);
      notify(t('sleep.started', { time: formatTime(new Date(r.data.ends_at)) }));
      onStarted();
    });
  };
  return html`
    <form onSubmit=${start} data-testid="sleep-form">
      <${Minutes} minutes=${minutes} onChange=${setMinutes} />
      <${DevicePicker} value=${device} onChange=${setDevice} empty="device.current" testid="sleep-device" />
      <label class="field range">
        <span>${t('field.alarm_volume')}</span>
        <input type="range" min="0" max="100" value=${volume} onInput=${(e) => setVolume(Number(e.target.value))}
          data-testid="sleep-volume" />
        <output>${volume} %</output>
      </label>
      <${Switch} label=${t('field.shuffle')} checked=${shuffle} onChange=${setShuffle} testid="sleep-shuffle" />
      <${MusicField} uri=${music.uri} name=${music.name} browsable=${browsable} onChange=${setMusic} testid="sleep-music" />
      <div class="actions">
        <button type="submit" class="button primary" disabled=${busy || !valid} data-testid="sleep-start">
          ${t('sleep.start', { n: valid ? minutes : '…' })}</button>
      </div>
    </form>`;
}

export function SleepSheet({ sleep, config, browsable, onClose }) {
  const [replacing, setReplacing] = useState(false);
  const running = sleep && sleep.active && !replacing;
  const [, run] = useAction();
  const stop = () => run(async () => {
    await del(SLEEP);
    notify(t('sleep.stopped'));
    await reloadPolled(SLEEP);
    onClose();
  });
  const started = () => reloadPolled(SLEEP).then(onClose);
  return html`
    <${Dialog} title=${t('sleep.title')} onCancel=${onClose} sheet testid="sleep-sheet">
      ${running ? html`<${Running} sleep=${sleep} onStop=${stop} onReplace=${() => setReplacing(true)} />`
        : html`<${Form} config=${config} browsable=${browsable} onStarted=${started} />`}
    <//>`;
}
