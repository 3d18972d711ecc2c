// The alarm at a glance: time, repeat days, speaker, volume, music, and its on/off switch.
import { html } from '../vendor/preact-htm.js';
import { useAction } from '../lib/action.js';
import { alarmOf } from '../lib/alarm.js';
import { locale, t } from '../lib/i18n.js';
import { K } from '../lib/keys.js';
import { saveAlarm } from '../lib/save.js';
import { notify } from '../lib/store.js';
import { normalizeWeekdays, weekdayNames } from '../lib/time.js';
import { Icon } from './icons.js';

/** "Once", "Every day", "Mon–Fri", "Weekend" or the days' short names. */
export function repeatText(weekdays) {
  const days = normalizeWeekdays(weekdays);
  const key = days.join('');
  if (days.length === 0) {
    return t('repeat.once');
  }
  if (key === '0123456') {
    return t('repeat.daily');
  }
  if (key === '01234') {
    return t('repeat.workdays');
  }
  if (key === '56') {
    return t('repeat.weekend');
  }
  const names = weekdayNames(locale());
  return days.map((d) => names[d]).join(', ');
}

/** An on/off switch: a checkbox with the switch role, so it is announced as one. */
export function Switch({ label, checked, onChange, disabled, testid }) {
  return html`
    <label class="switch">
      <input type="checkbox" role="switch" checked=${checked} disabled=${disabled}
        onChange=${(e) => onChange(e.target.checked)} data-testid=${testid} />
      <span class="track" aria-hidden="true"></span>
      <span class="switch-label">${label}</span>
    </label>`;
}

export function AlarmCard({ state }) {
  const [busy, run] = useAction();
  if (!state.config) {
    return html`<section class="card"><p class="muted">${t('common.loading')}</p></section>`;
  }
  const alarm = alarmOf(state.config);
  const toggle = (on) => run(async () => {
    const result = await saveAlarm(alarm, { ...alarm, [K.ENABLED]: on }, state.etag);
    notify(result.conflict ? t('card.conflict') : t(on ? 'card.switchedOn' : 'card.switchedOff'));
  }, 'error.save');
  const music = alarm[K.PLAYLIST_NAME] || alarm[K.PLAYLIST_URI];
  return html`
    <section class="card alarm-card" aria-labelledby="alarm-card-h" data-testid="alarm-card">
      <div class="card-head">
        <h2 id="alarm-card-h">${t('card.alarm')}</h2>
        <a class="button small" href="/alarm">${t('card.edit')}</a>
      </div>
      <div class="alarm-main">
        <p class=${alarm[K.ENABLED] ? 'alarm-time' : 'alarm-time off'} data-testid="card-time">${alarm[K.TIME]}</p>
        <${Switch} label=${t('card.enabled')} checked=${alarm[K.ENABLED]} disabled=${busy} onChange=${toggle}
          testid="card-enabled" />
      </div>
      <p class="repeat" data-testid="card-repeat">${repeatText(alarm[K.WEEKDAYS])}</p>
      <dl class="facts">
        <div><dt><${Icon} name="speaker" />${t('field.device_name')}</dt>
          <dd data-testid="card-device">${alarm[K.DEVICE_NAME] || t('card.notSet')}</dd></div>
        <div><dt>${t('field.alarm_volume')}</dt><dd data-testid="card-volume">${alarm[K.ALARM_VOLUME]} %</dd></div>
        <div><dt><${Icon} name="music" />${t('field.playlist_name')}</dt>
          <dd data-testid="card-music">${music || t('card.notSet')}</dd></div>
      </dl>
    </section>`;
}
