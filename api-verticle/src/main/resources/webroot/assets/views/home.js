// Home: the clock, the next alarm with its countdown, what plays, the alarm card, the sleep timer and
// play now (or, while Spotify cannot play, how to connect it).
import { html } from '../vendor/preact-htm.js';
import { AlarmCard } from '../components/alarm-card.js';
import { NowPlaying } from '../components/now-playing.js';
import { PlayNowCard } from '../components/play-now.js';
import { SleepCard } from '../components/sleep-card.js';
import { SpotifyPrompt } from '../components/spotify-prompt.js';
import { useSecondTick } from '../lib/tick.js';
import { duration, formatDate, formatDateTime, formatTime, t } from '../lib/i18n.js';
import { useSpotify } from '../lib/spotify.js';

function Clock() {
  const now = new Date(useSecondTick());
  return html`
    <div class="clock">
      <time class="clock-time" datetime=${now.toISOString()}>${formatTime(now)}</time>
      <p class="clock-date">${formatDate(now)}</p>
    </div>`;
}

/** Seconds left, counted down from the scheduler's own figure (its clock, not the browser's). */
function secondsLeft(alarm, alarmAt) {
  return alarm.next_fire_in_seconds - (performance.now() - alarmAt) / 1000;
}

function NextAlarm({ alarm, alarmAt }) {
  useSecondTick();
  if (!alarm) {
    return html`<p class="muted">${t('common.loading')}</p>`;
  }
  if (!alarm.enabled || !alarm.next_fire) {
    return html`<p class="next-alarm" data-testid="next-alarm">${t('home.noAlarm')}</p>`;
  }
  const at = new Date(alarm.next_fire);
  const when = `${formatDate(at, { weekday: 'long', timeZone: alarm.timezone })}, ${formatTime(at, alarm.timezone)}`;
  return html`
    <p class="next-alarm" data-testid="next-alarm">
      <span class="label">${t('home.nextAlarm')}</span>
      <strong>${when}</strong>
      <span class="countdown" data-testid="countdown">${t('home.in', { left: duration(secondsLeft(alarm, alarmAt)) })}</span>
    </p>`;
}

function LastFired({ alarm }) {
  const last = alarm && alarm.last_fired;
  if (!last) {
    return null;
  }
  return html`<p class="muted small">${t('home.lastFired', { when: formatDateTime(new Date(last.fired_at)),
    outcome: t(`outcome.${last.outcome}`) })}</p>`;
}

export function Home({ state }) {
  const spotify = useSpotify();
  return html`
    <h1 class="visually-hidden" tabindex="-1">${t('nav.home')}</h1>
    <div class="home">
      <section class="card hero" aria-label=${t('home.clock')}>
        <${Clock} />
        <${NextAlarm} alarm=${state.alarm} alarmAt=${state.alarmAt} />
        <${LastFired} alarm=${state.alarm} />
      </section>
      <div class="stack">
        <${SpotifyPrompt} spotify=${spotify} />
        ${spotify.connected && html`<${NowPlaying} />`}
        <${AlarmCard} state=${state} />
        ${spotify.connected && html`
          <${SleepCard} config=${state.config} browsable />
          <${PlayNowCard} />`}
      </div>
    </div>`;
}
