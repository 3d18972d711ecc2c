// The banners above every screen: offline; an alarm that is playing (snooze it); a snoozed alarm
// (when it resumes, dismiss it); a running sleep timer (when the music stops, stop it now). Snooze and
// sleep come from the Spotify-backed routes and render nothing while this server does not have them.
import { html } from '../vendor/preact-htm.js';
import { del, post } from '../lib/api.js';
import { duration, formatTime, t } from '../lib/i18n.js';
import { K } from '../lib/keys.js';
import { keep, recall } from '../lib/local.js';
import { refreshAlarm } from '../lib/live.js';
import { reloadPolled, usePolled } from '../lib/polled.js';
import { problemText } from '../lib/problem.js';
import { notify } from '../lib/store.js';
import { useSecondTick } from '../lib/tick.js';
import { PLAYBACK } from './now-playing.js';
import { SLEEP, SLEEP_POLL_MS } from './sleep-sheet.js';

const DISMISSED_KEY = 'spotipi.dismissedAlarm';

async function act(action, after, done) {
  try {
    await action();
    notify(done);
    after();
  } catch (e) {
    notify(t('error.action', { detail: problemText(e) }), 'error');
  }
}

export function OfflineBanner({ online }) {
  if (online !== false) {
    return null;
  }
  return html`<div class="banner banner-bad" role="alert" data-testid="offline-banner">${t('banner.offline')}</div>`;
}

function Banner({ text, button, onAction, testid }) {
  return html`
    <div class="banner" role="status" data-testid=${testid}>
      <span>${text}</span>
      <button type="button" class="button small" onClick=${onAction} data-testid=${`${testid}-action`}>${button}</button>
    </div>`;
}

function Countdown({ until, message, ...rest }) {
  const left = (Date.parse(until) - useSecondTick()) / 1000;
  return left > 0 ? html`<${Banner} text=${t(message, { left: duration(left) })} ...${rest} />` : null;
}

/** A snooze pauses the music and a dismissed one may have resumed it: home shows what plays now. */
function afterSnooze() {
  refreshAlarm();
  reloadPolled(PLAYBACK);
}

/**
 * The alarm played within the snooze window and is not snoozed: it may be ringing now. Not after this
 * browser dismissed its snooze: the player would refuse another (the status does not tell).
 */
function RingingBanner({ alarm, config }) {
  const now = useSecondTick();
  const last = alarm.last_fired;
  const windowMinutes = (config && config[K.SNOOZE_WINDOW_MINUTES]) || 0;
  if (!last || last.outcome !== 'played' || now - Date.parse(last.fired_at) > windowMinutes * 60000
    || recall(DISMISSED_KEY) === last.occurrence) {
    return null;
  }
  const minutes = config[K.SNOOZE_MINUTES];
  return html`<${Banner} text=${t('banner.ringing', { time: formatTime(new Date(last.fired_at), alarm.timezone) })}
    button=${t('banner.snooze', { minutes })} testid="ringing-banner"
    onAction=${() => act(() => post('/api/alarm/snooze'), afterSnooze, t('banner.snoozed', { minutes }))} />`;
}

/** GET /api/alarm carries `snooze: {until}` while a snoozed alarm waits to resume. */
export function SnoozeBanners({ alarm, config }) {
  if (!alarm || !('snooze' in alarm)) {
    return null;
  }
  const until = alarm.snooze && alarm.snooze.until;
  if (!until) {
    return html`<${RingingBanner} alarm=${alarm} config=${config} />`;
  }
  const dismiss = async () => {
    await del('/api/alarm/snooze');
    keep(DISMISSED_KEY, alarm.last_fired && alarm.last_fired.occurrence);
  };
  return html`<${Countdown} until=${until} message="banner.snoozing" button=${t('banner.dismiss')} testid="snooze-banner"
    onAction=${() => act(dismiss, afterSnooze, t('banner.dismissed'))} />`;
}

/** GET /api/sleep: {active, ends_at, uri, device}. */
export function SleepBanner() {
  const sleep = usePolled(SLEEP, SLEEP_POLL_MS);
  if (!sleep.data || !sleep.data.active) {
    return null;
  }
  return html`<${Countdown} until=${sleep.data.ends_at} message="banner.sleep" button=${t('banner.sleepStop')}
    testid="sleep-banner" onAction=${() => act(() => del(SLEEP), () => reloadPolled(SLEEP), t('sleep.stopped'))} />`;
}
