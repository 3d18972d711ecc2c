// The Spotify app's keys: client ID and secret (from Spotify's developer dashboard) and, for someone
// moving over from the original SpotiPi, its refresh token. PUT /api/spotify/credentials; the secrets
// are never shown again (the server does not give them back), so the fields start empty.
import { html, useState } from '../vendor/preact-htm.js';
import { useAction } from '../lib/action.js';
import { put } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { notify } from '../lib/store.js';

function Field({ name, type = 'text', value, onInput, required, hint }) {
  return html`
    <label class="field">
      <span>${t(`credentials.${name}`)}</span>
      <input type=${type} name=${name} value=${value} required=${required} autocomplete="off" spellcheck="false"
        onInput=${(e) => onInput(e.target.value.trim())} data-testid=${`credentials-${name}`} />
      ${hint && html`<span class="hint">${hint}</span>`}
    </label>`;
}

/** @param onSaved called with the status the server answered */
export function SpotifyCredentials({ onSaved }) {
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [refreshToken, setRefreshToken] = useState('');
  const [busy, run] = useAction();
  const save = (e) => {
    e.preventDefault();
    run(async () => {
      const r = await put('/api/spotify/credentials', { client_id: clientId, client_secret: secret,
        ...(refreshToken ? { refresh_token: refreshToken } : {}) });
      setSecret('');
      setRefreshToken('');
      notify(t(r.data && r.data.connected ? 'spotify.connectedNow' : 'credentials.saved'));
      onSaved(r.data);
    }, 'error.save');
  };
  return html`
    <form onSubmit=${save} data-testid="credentials-form">
      <${Field} name="client_id" value=${clientId} onInput=${setClientId} required />
      <${Field} name="client_secret" type="password" value=${secret} onInput=${setSecret} required />
      <${Field} name="refresh_token" type="password" value=${refreshToken} onInput=${setRefreshToken}
        hint=${t('credentials.refreshHint')} />
      <div class="actions start">
        <button type="submit" class="button" disabled=${busy || !clientId || !secret} data-testid="credentials-save">
          ${t('credentials.save')}</button>
      </div>
    </form>`;
}
