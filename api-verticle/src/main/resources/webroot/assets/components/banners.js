// The banners above every screen: offline, snoozing, sleep timer. Snooze and sleep come from the
// Spotify-backed routes and render nothing while this server does not have them.
import { html, useEffect, useState } from '../vendor/preact-htm.js';
import { del } from '../lib/api.js';
import { duration, t } from '../lib/i18n.js';
import { refreshAlarm } from '../lib/live.js';
import { usePolled } from '../lib/polled.js';
import { notify } from '../lib/store.js';

const SLEEP_POLL_MS = 15000;

/** Re-renders every second while mounted (countdowns). */
export function useSecondTick() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function secondsUntil(iso, now) {
  return (Date.parse(iso) - now) / 1000;
}

async function act(action, after) {
  try {
    await action();
    after();
  } catch (e) {
    notify(t('error.action', { detail: e.message }), 'error');
  }
}

export function OfflineBanner({ online }) {
  if (online !== false) {
    return null;
  }
  return html`<div class="banner banner-bad" role="alert" data-testid="offline-banner">${t('banner.offline')}</div>`;
}

function Countdown({ until, message, button, onAction, testid }) {
  const now = useSecondTick();
  const left = secondsUntil(until, now);
  if (left <= 0) {
    return null;
  }
  return html`
    <div class="banner" role="status" data-testid=${testid}>
      <span>${t(message, { left: duration(left) })}</span>
      <button type="button" class="button small" onClick=${onAction}>${t(button)}</button>
    </div>`;
}

/** GET /api/alarm carries `snooze: {until}` while a snoozed alarm waits to resume. */
export function SnoozeBanner({ alarm }) {
  const until = alarm && alarm.snooze && alarm.snooze.until;
  if (!until) {
    return null;
  }
  return html`<${Countdown} until=${until} message="banner.snoozing" button="banner.dismiss" testid="snooze-banner"
    onAction=${() => act(() => del('/api/alarm/snooze'), refreshAlarm)} />`;
}

/** GET /api/sleep: {active, ends_at, uri, device}. */
export function SleepBanner() {
  const sleep = usePolled('/api/sleep', SLEEP_POLL_MS);
  if (!sleep.available || !sleep.data || !sleep.data.active) {
    return null;
  }
  return html`<${Countdown} until=${sleep.data.ends_at} message="banner.sleep" button="banner.sleepStop"
    testid="sleep-banner" onAction=${() => act(() => del('/api/sleep'), sleep.reload)} />`;
}
