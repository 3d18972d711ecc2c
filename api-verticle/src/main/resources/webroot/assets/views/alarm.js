// The alarm editor. It follows the stored alarm while the user has changed nothing; once they have,
// their draft stays, and saving is a compare-and-set on the revision it started from: if someone
// else changed the alarm meanwhile, the conflict shows both versions instead of overwriting theirs.
import { html, useEffect, useState } from '../vendor/preact-htm.js';
import { Switch } from '../components/alarm-card.js';
import { DevicePicker } from '../components/device-picker.js';
import { MusicField } from '../components/music-field.js';
import { alarmOf, differences, rebase } from '../lib/alarm.js';
import { locale, t } from '../lib/i18n.js';
import { K } from '../lib/keys.js';
import { problemText } from '../lib/problem.js';
import { saveAlarm } from '../lib/save.js';
import { useSpotify } from '../lib/spotify.js';
import { notify } from '../lib/store.js';
import { passedToday, weekdayNames } from '../lib/time.js';

function Weekdays({ days, onChange }) {
  const short = weekdayNames(locale());
  const long = weekdayNames(locale(), 'long');
  const toggle = (d, on) => onChange(on ? [...days, d].sort((a, b) => a - b) : days.filter((x) => x !== d));
  return html`
    <fieldset class="weekdays">
      <legend>${t('editor.days')}</legend>
      <div class="chips">
        ${short.map((name, d) => html`
          <label class="chip" title=${long[d]}>
            <input type="checkbox" checked=${days.includes(d)} aria-label=${long[d]}
              onChange=${(e) => toggle(d, e.target.checked)} data-testid=${`day-${d}`} />
            <span aria-hidden="true">${name}</span>
          </label>`)}
      </div>
      <div class="presets">
        <button type="button" class="button small" onClick=${() => onChange([0, 1, 2, 3, 4])}>${t('repeat.workdays')}</button>
        <button type="button" class="button small" onClick=${() => onChange([0, 1, 2, 3, 4, 5, 6])}>${t('repeat.daily')}</button>
        <button type="button" class="button small" onClick=${() => onChange([])}>${t('repeat.once')}</button>
      </div>
      ${days.length === 0 && html`<p class="hint">${t('editor.daysHint')}</p>`}
    </fieldset>`;
}

function TextField({ name, value, onInput, error, hint, type = 'text', ...rest }) {
  const hintId = `${name}-hint`;
  return html`
    <label class="field">
      <span>${t(`field.${name}`)}</span>
      <input type=${type} name=${name} value=${value} onInput=${(e) => onInput(e.target.value)}
        aria-invalid=${error ? 'true' : undefined} aria-describedby=${hint || error ? hintId : undefined}
        data-testid=${`field-${name}`} ...${rest} />
      ${(error || hint) && html`<span id=${hintId} class=${error ? 'error' : 'hint'}>${error || hint}</span>`}
    </label>`;
}

/** What the typed speaker field says while Spotify cannot list the speakers. */
function deviceHint(spotifyState) {
  const why = { not_configured: 'problem.notConnected', reauthorize: 'problem.reauthorize' }[spotifyState];
  return why ? `${t(why)} ${t('device.typeName')}` : t('editor.deviceHint');
}

function shown(key, value) {
  if (key === K.WEEKDAYS) {
    const names = weekdayNames(locale());
    return value.length ? value.map((d) => names[d]).join(', ') : t('repeat.once');
  }
  if (typeof value === 'boolean') {
    return t(value ? 'common.on' : 'common.off');
  }
  return value === '' || value == null ? '—' : String(value);
}

function Conflict({ conflict, base, draft, onApply, onDiscard }) {
  const keys = [...new Set([...conflict.changed, ...differences(base, draft)])];
  return html`
    <section class="card conflict" role="alert" aria-labelledby="conflict-h" data-testid="conflict">
      <h2 id="conflict-h">${t('conflict.title')}</h2>
      <p>${t('conflict.text')}</p>
      <table>
        <thead><tr><th scope="col">${t('conflict.field')}</th><th scope="col">${t('conflict.current')}</th>
          <th scope="col">${t('conflict.yours')}</th></tr></thead>
        <tbody>${keys.map((key) => html`
          <tr data-testid=${`conflict-${key}`}><th scope="row">${t(`field.${key}`)}</th>
            <td class="current">${shown(key, conflict.current[key])}</td><td class="yours">${shown(key, draft[key])}</td></tr>`)}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="button" onClick=${onDiscard} data-testid="conflict-discard">${t('conflict.discard')}</button>
        <button type="button" class="button primary" onClick=${onApply} data-testid="conflict-apply">${t('conflict.apply')}</button>
      </div>
    </section>`;
}

export function AlarmEditor({ state }) {
  const spotify = useSpotify();
  const fromStore = () => (state.config ? { base: alarmOf(state.config), draft: alarmOf(state.config), etag: state.etag } : null);
  const [form, setForm] = useState(fromStore);
  const [conflict, setConflict] = useState(null);
  const [errors, setErrors] = useState({});
  const [saving, setSaving] = useState(false);

  // follow the store while nothing is edited; keep the draft (and the revision it started from) once it is
  useEffect(() => {
    if (state.config) {
      setForm((f) => (f && differences(f.base, f.draft).length > 0 ? f : fromStore()));
    }
  }, [state.etag]);

  if (!form) {
    return html`<h1 tabindex="-1">${t('editor.title')}</h1><p class="muted">${t('common.loading')}</p>`;
  }
  const { base, draft } = form;
  const dirty = differences(base, draft).length > 0;
  const elsewhere = dirty && state.config && state.etag !== form.etag && differences(base, alarmOf(state.config)).length > 0;
  const change = (values) => {
    setForm({ ...form, draft: { ...draft, ...values } });
    setErrors({ ...errors, ...Object.fromEntries(Object.keys(values).map((key) => [key, undefined])) });
  };
  const set = (key) => (value) => change({ [key]: value });
  const zone = draft[K.TIMEZONE];

  const save = async (from) => {
    setSaving(true);
    try {
      const result = await saveAlarm(from.base, from.draft, from.etag);
      if (result.conflict) {
        setForm(from);
        setConflict(result.conflict);
      } else {
        setForm({ base: from.draft, draft: from.draft, etag: result.etag });
        setConflict(null);
        notify(t('editor.saved'));
      }
    } catch (e) {
      const fieldErrors = {};
      // the schema's words for a bad music address are a regular expression: say what it must be instead
      (e.problem && e.problem.errors || []).forEach((fe) => {
        fieldErrors[fe.field] = fe.field === K.PLAYLIST_URI ? t('editor.uriInvalid') : fe.message;
      });
      setErrors(fieldErrors);
      notify(t('error.save', { detail: problemText(e) }), 'error');
    } finally {
      setSaving(false);
    }
  };
  const submit = (e) => {
    e.preventDefault();
    save(form);
  };
  const applyMine = () => save({ base: conflict.current, draft: rebase(base, draft, conflict.current), etag: conflict.etag });
  const keepTheirs = () => {
    setForm({ base: conflict.current, draft: conflict.current, etag: conflict.etag });
    setConflict(null);
  };

  return html`
    <h1 tabindex="-1">${t('editor.title')}</h1>
    ${conflict && html`<${Conflict} conflict=${conflict} base=${base} draft=${draft} onApply=${applyMine}
      onDiscard=${keepTheirs} />`}
    ${!conflict && elsewhere && html`<p class="banner" role="status" data-testid="changed-elsewhere">${t('editor.changedElsewhere')}</p>`}
    <form class="card editor" onSubmit=${submit} aria-label=${t('editor.title')}>
      <${Switch} label=${t('field.enabled')} checked=${draft[K.ENABLED]} onChange=${set(K.ENABLED)} testid="field-enabled" />
      <${TextField} name=${K.TIME} type="time" value=${draft[K.TIME]} onInput=${set(K.TIME)} error=${errors[K.TIME]}
        hint=${t('editor.zone', { zone })} required />
      ${draft[K.ENABLED] && draft[K.WEEKDAYS].length === 0 && passedToday(draft[K.TIME], zone) && html`
        <p class="warning" role="status" data-testid="passed-warning">${t('editor.passed', { time: draft[K.TIME] })}</p>`}
      <${Weekdays} days=${draft[K.WEEKDAYS]} onChange=${set(K.WEEKDAYS)} />
      <label class="field range">
        <span>${t('field.alarm_volume')}</span>
        <input type="range" min="0" max="100" value=${draft[K.ALARM_VOLUME]} data-testid="field-alarm_volume"
          onInput=${(e) => set(K.ALARM_VOLUME)(Number(e.target.value))} />
        <output>${draft[K.ALARM_VOLUME]} %</output>
      </label>
      <div class="switches">
        <${Switch} label=${t('field.fade_in')} checked=${draft[K.FADE_IN]} onChange=${set(K.FADE_IN)} testid="field-fade_in" />
        <${Switch} label=${t('field.shuffle')} checked=${draft[K.SHUFFLE]} onChange=${set(K.SHUFFLE)} testid="field-shuffle" />
        <${Switch} label=${t('editor.snooze', { minutes: state.config[K.SNOOZE_MINUTES] })} checked=${draft[K.SNOOZE_ENABLED]}
          onChange=${set(K.SNOOZE_ENABLED)} testid="field-snooze_enabled" />
      </div>
      ${spotify.connected ? html`
        <${DevicePicker} value=${draft[K.DEVICE_NAME]} onChange=${set(K.DEVICE_NAME)} testid="field-device" />` : html`
        <${TextField} name=${K.DEVICE_NAME} value=${draft[K.DEVICE_NAME]} onInput=${set(K.DEVICE_NAME)}
          error=${errors[K.DEVICE_NAME]} hint=${deviceHint(spotify.state)} autocomplete="off" />`}
      <${MusicField} uri=${draft[K.PLAYLIST_URI]} name=${draft[K.PLAYLIST_NAME]} browsable=${spotify.connected}
        error=${errors[K.PLAYLIST_URI] || errors[K.PLAYLIST_NAME]} testid="field-music"
        onChange=${({ uri, name }) => change({ [K.PLAYLIST_URI]: uri, [K.PLAYLIST_NAME]: name })} />
      <div class="actions sticky">
        <span class="muted small" aria-live="polite">${dirty ? t('editor.unsaved') : ''}</span>
        <button type="button" class="button" disabled=${!dirty || saving}
          onClick=${() => setForm({ ...form, draft: base })}>${t('editor.reset')}</button>
        <button type="submit" class="button primary" disabled=${!dirty || saving} data-testid="save">${t('editor.save')}</button>
      </div>
    </form>`;
}
