// The speaker: one of the Spotify devices (GET /api/devices; the refresh button asks Spotify anew with
// ?refresh=true). A saved name that is not in the list stays selectable, since idle speakers drop out
// of Spotify's list; when the list cannot be had (Spotify not connected or unreachable), the name can
// still be typed.
import { html, useEffect, useState } from '../vendor/preact-htm.js';
import { get } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { problemText } from '../lib/problem.js';
import { Icon } from './icons.js';

let ids = 0;

function useDevices() {
  const [devices, setDevices] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const load = async (refresh) => {
    setBusy(true);
    try {
      setDevices((await get(`/api/devices${refresh ? '?refresh=true' : ''}`)).data);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    load(false);
  }, []);
  return { devices, error, busy, load };
}

function label(device) {
  return device.is_active ? `${device.name} · ${t('device.active')}` : device.name;
}

/**
 * @param empty what no name means here: 'device.unset' (the alarm) or 'device.current' (play now, sleep)
 */
export function DevicePicker({ value, onChange, empty = 'device.unset', testid }) {
  const { devices, error, busy, load } = useDevices();
  const [id] = useState(() => `device-${++ids}`);
  const hintId = `${id}-hint`;
  const typed = !devices && error;
  const listed = (devices || []).some((d) => d.name === value);
  return html`
    <div class="field" data-testid=${testid}>
      <label class="field-label" for=${id}>${t('field.device_name')}</label>
      <div class="picker-row">
        ${typed ? html`
          <input id=${id} type="text" value=${value} autocomplete="off" aria-describedby=${hintId}
            onInput=${(e) => onChange(e.target.value)} data-testid=${`${testid}-input`} />` : html`
          <select id=${id} value=${value} disabled=${!devices} aria-describedby=${hintId}
            onChange=${(e) => onChange(e.target.value)} data-testid=${`${testid}-select`}>
            <option value="">${t(empty)}</option>
            ${(devices || []).map((d) => html`<option value=${d.name}>${label(d)}</option>`)}
            ${value && devices && !listed && html`<option value=${value}>${t('device.notSeen', { name: value })}</option>`}
          </select>`}
        <button type="button" class="icon-button" onClick=${() => load(true)} disabled=${busy}
          aria-label=${t('device.refresh')} title=${t('device.refresh')} data-testid=${`${testid}-refresh`}>
          <${Icon} name="refresh" /></button>
      </div>
      <span id=${hintId} class=${error ? 'error' : 'hint'} role=${error ? 'alert' : undefined}>
        ${error ? `${problemText(error)} ${t('device.typeName')}` : devices ? t('device.hint') : t('common.loading')}</span>
    </div>`;
}
