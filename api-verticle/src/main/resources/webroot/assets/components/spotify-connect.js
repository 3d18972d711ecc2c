// Connecting Spotify, step by step in plain words: register SpotiPi's address with the Spotify app,
// enter the app's keys, agree on Spotify's page (POST /api/spotify/authorize gives its address), then
// paste the address the browser landed on (POST /api/spotify/callback {url}). Spotify sends the browser
// to 127.0.0.1, which on a phone is the phone itself: that page does not load, and that is expected.
import { html, useState } from '../vendor/preact-htm.js';
import { post } from '../lib/api.js';
import { pastedProblem, storedRedirect, storeRedirect } from '../lib/connect.js';
import { t } from '../lib/i18n.js';
import { problemText } from '../lib/problem.js';
import { notify } from '../lib/store.js';
import { SpotifyCredentials } from './spotify-credentials.js';

function Step({ n, title, children }) {
  return html`<li class="step"><h3><span class="step-n" aria-hidden="true">${n}</span>${title}</h3>${children}</li>`;
}

function Authorize({ redirect }) {
  const [link, setLink] = useState(null);
  const [error, setError] = useState(null);
  const start = async () => {
    try {
      setLink((await post('/api/spotify/authorize', { redirect_uri: redirect })).data.authorize_url);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  return html`
    <p>${t('connect.agreeText')}</p>
    <div class="actions start">
      <button type="button" class="button" onClick=${start} data-testid="connect-authorize">${t('connect.prepare')}</button>
      ${link && html`<a class="button primary" href=${link} target="_blank" rel="noopener noreferrer"
        data-testid="connect-open">${t('connect.open')}</a>`}
    </div>
    ${error && html`<p class="error" role="alert">${problemText(error)}</p>`}`;
}

function Paste({ redirect, onConnected }) {
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const finish = async (e) => {
    e.preventDefault();
    const local = pastedProblem(address);
    if (local) {
      setProblem(t(local));
      return;
    }
    setBusy(true);
    try {
      const r = await post('/api/spotify/callback', { url: address.trim() });
      setAddress('');
      setProblem(null);
      notify(t('spotify.connectedNow'));
      onConnected(r.data);
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return html`
    <form onSubmit=${finish}>
      <p>${t('connect.pasteText', { start: `${redirect}?code=…` })}</p>
      <label class="field">
        <span>${t('connect.pasteLabel')}</span>
        <textarea rows="3" value=${address} spellcheck="false" autocomplete="off" aria-invalid=${problem ? 'true' : undefined}
          onInput=${(e) => setAddress(e.target.value)} data-testid="connect-pasted"></textarea>
        ${problem && html`<span class="error" role="alert" data-testid="connect-problem">${problem}</span>`}
      </label>
      <div class="actions start">
        <button type="submit" class="button primary" disabled=${busy || !address.trim()} data-testid="connect-finish">
          ${t('connect.finish')}</button>
      </div>
    </form>`;
}

/** @param onSaved after the keys were saved; @param onConnected after the pasted address connected Spotify */
export function SpotifyConnect({ onSaved, onConnected }) {
  const [redirect, setRedirect] = useState(storedRedirect);
  const changeRedirect = (value) => {
    setRedirect(value);
    storeRedirect(value);
  };
  return html`
    <ol class="steps" data-testid="connect-steps">
      <${Step} n="1" title=${t('connect.registerTitle')}>
        <p>${t('connect.registerText')}</p>
        <label class="field">
          <span>${t('connect.redirect')}</span>
          <input type="url" value=${redirect} spellcheck="false" autocomplete="off"
            onInput=${(e) => changeRedirect(e.target.value.trim())} data-testid="connect-redirect" />
          <span class="hint">${t('connect.redirectHint')}</span>
        </label>
      <//>
      <${Step} n="2" title=${t('connect.keysTitle')}>
        <p>${t('connect.keysText')}</p>
        <${SpotifyCredentials} onSaved=${onSaved} />
      <//>
      <${Step} n="3" title=${t('connect.agreeTitle')}><${Authorize} redirect=${redirect} /><//>
      <${Step} n="4" title=${t('connect.pasteTitle')}><${Paste} redirect=${redirect} onConnected=${onConnected} /><//>
    </ol>`;
}
