// Home's sleep timer card: the running timer's countdown, or a button that opens the sheet to set one.
import { html, useState } from '../vendor/preact-htm.js';
import { duration, t } from '../lib/i18n.js';
import { usePolled } from '../lib/polled.js';
import { useSecondTick } from '../lib/tick.js';
import { Icon } from './icons.js';
import { SLEEP, SLEEP_POLL_MS, SleepSheet } from './sleep-sheet.js';

function Left({ endsAt }) {
  const left = (Date.parse(endsAt) - useSecondTick()) / 1000;
  return html`<p data-testid="sleep-left">${t('sleep.left', { left: duration(left) })}</p>`;
}

export function SleepCard({ config, browsable }) {
  const sleep = usePolled(SLEEP, SLEEP_POLL_MS);
  const [open, setOpen] = useState(false);
  if (!sleep.available || !config) {
    return null;
  }
  const active = sleep.data && sleep.data.active;
  return html`
    <section class="card" aria-labelledby="sleep-h" data-testid="sleep-card">
      <div class="card-head">
        <h2 id="sleep-h"><${Icon} name="moon" /> ${t('sleep.title')}</h2>
        <button type="button" class="button small" onClick=${() => setOpen(true)} data-testid="sleep-open">
          ${t(active ? 'sleep.manage' : 'sleep.set')}</button>
      </div>
      ${active ? html`<${Left} endsAt=${sleep.data.ends_at} />` : html`<p class="muted">${t('sleep.idle')}</p>`}
      ${open && html`<${SleepSheet} sleep=${sleep.data} config=${config} browsable=${browsable} onClose=${() => setOpen(false)} />`}
    </section>`;
}
