// Settings: the Spotify connection, language (a config key, so every device follows), theme (this
// browser only), the API token this browser sends, and what the server says about itself.
import { html, useState } from '../vendor/preact-htm.js';
import { Switch } from '../components/alarm-card.js';
import { SpotifyAccount } from '../components/spotify-account.js';
import { put, storedToken, storeToken } from '../lib/api.js';
import { BUILD } from '../lib/assets.js';
import { t } from '../lib/i18n.js';
import { K } from '../lib/keys.js';
import { refreshConfig } from '../lib/live.js';
import { problemText } from '../lib/problem.js';
import { useSpotify } from '../lib/spotify.js';
import { notify, update } from '../lib/store.js';
import { setTheme, theme } from '../lib/theme.js';

function Language({ config }) {
  const value = config ? config[K.LANGUAGE] || '' : '';
  const change = async (e) => {
    try {
      await put(`/api/config/${K.LANGUAGE}`, e.target.value);
      await refreshConfig();
      notify(t('settings.languageSaved'));
    } catch (err) {
      notify(t('error.save', { detail: problemText(err) }), 'error');
    }
  };
  return html`
    <label class="field">
      <span>${t('settings.language')}</span>
      <select value=${value} onChange=${change} disabled=${!config} data-testid="language">
        <option value="">${t('settings.languageAuto')}</option>
        <option value="de" lang="de">Deutsch</option>
        <option value="en" lang="en">English</option>
      </select>
      <span class="hint">${t('settings.languageHint')}</span>
    </label>`;
}

function Token() {
  const [stored, setStored] = useState(Boolean(storedToken()));
  const ask = () => new Promise((resolve) => update({ tokenRequest: { retry: false, resolve } }))
    .then(() => setStored(Boolean(storedToken())));
  const forget = () => {
    storeToken(null);
    setStored(false);
  };
  return html`
    <p data-testid="token-state">${t(stored ? 'settings.tokenStored' : 'settings.tokenNone')}</p>
    <div class="actions start">
      <button type="button" class="button" onClick=${ask}>${t('settings.tokenSet')}</button>
      ${stored && html`<button type="button" class="button" onClick=${forget}>${t('settings.tokenForget')}</button>`}
    </div>`;
}

function About({ state }) {
  const s = state.status || {};
  const rows = [
    ['settings.env', s.env],
    ['settings.owner', s.owner],
    ['settings.revision', state.revision],
    ['settings.zone', state.config && state.config[K.TIMEZONE]],
    ['settings.build', BUILD],
  ].filter(([, v]) => v != null && v !== '');
  return html`<dl class="facts">${rows.map(([label, v]) => html`<div><dt>${t(label)}</dt><dd>${v}</dd></div>`)}</dl>`;
}

export function Settings({ state }) {
  const [dark, setDark] = useState(theme() === 'dark');
  const spotify = useSpotify();
  return html`
    <h1 tabindex="-1">${t('settings.title')}</h1>
    <div class="grid">
      ${spotify.state !== 'absent' && html`
        <section class="card wide" aria-labelledby="s-spotify" data-testid="spotify-settings">
          <h2 id="s-spotify">${t('spotify.title')}</h2>
          <${SpotifyAccount} spotify=${spotify} />
        </section>`}
      <section class="card" aria-labelledby="s-lang"><h2 id="s-lang">${t('settings.general')}</h2>
        <${Language} config=${state.config} />
        <${Switch} label=${t('settings.dark')} checked=${dark} testid="dark-theme"
          onChange=${(on) => { setTheme(on ? 'dark' : 'light'); setDark(on); }} />
        <p class="hint">${t('settings.darkHint')}</p>
      </section>
      <section class="card" aria-labelledby="s-token"><h2 id="s-token">${t('settings.access')}</h2>
        <${Token} />
      </section>
      <section class="card" aria-labelledby="s-about"><h2 id="s-about">${t('settings.about')}</h2>
        <${About} state=${state} />
      </section>
    </div>`;
}
