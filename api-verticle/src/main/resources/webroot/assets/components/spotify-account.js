// Settings' Spotify section: the connection's state (connected since when; not connected; Spotify
// wants the user to agree again, with the last error), disconnect after a confirmation, and the
// connect flow, open while not connected and on demand after.
import { html, useState } from '../vendor/preact-htm.js';
import { del } from '../lib/api.js';
import { formatDateTime, t } from '../lib/i18n.js';
import { problemText } from '../lib/problem.js';
import { notify } from '../lib/store.js';
import { ConfirmDialog } from './dialog.js';
import { SpotifyConnect } from './spotify-connect.js';

function State({ status }) {
  if (status.state === 'connected') {
    return html`<p class="health ok" data-testid="spotify-state">${status.authorized_at
      ? t('spotify.connectedSince', { date: formatDateTime(new Date(status.authorized_at)) }) : t('spotify.connected')}</p>`;
  }
  if (status.state === 'reauthorize') {
    return html`
      <div class="warning" role="alert" data-testid="spotify-state">
        <p><strong>${t('spotify.reauthorize')}</strong></p>
        <p>${t('spotify.reauthorizeText')}</p>
        ${status.last_error && html`<p class="small">${t('spotify.lastError', { error: status.last_error })}</p>`}
      </div>`;
  }
  return html`<p class="health" data-testid="spotify-state">${t('spotify.notConfigured')}</p>`;
}

/** @param spotify what useSpotify gives */
export function SpotifyAccount({ spotify }) {
  const [connecting, setConnecting] = useState(false);
  const [confirm, setConfirm] = useState(false);
  if (!spotify.data) {
    return html`<p class=${spotify.error ? 'error' : 'muted'}>${spotify.error ? problemText(spotify.error) : t('common.loading')}</p>`;
  }
  const status = spotify.data;
  const disconnect = async () => {
    setConfirm(false);
    try {
      await del('/api/spotify/credentials');
      notify(t('spotify.disconnected'));
      spotify.reload();
    } catch (e) {
      notify(t('error.action', { detail: problemText(e) }), 'error');
    }
  };
  const connected = () => {
    setConnecting(false);
    spotify.reload();
  };
  const showFlow = connecting || status.state !== 'connected';
  return html`
    <${State} status=${status} />
    <div class="actions start">
      ${status.state === 'connected' && html`
        <button type="button" class="button" onClick=${() => setConnecting(!connecting)} aria-expanded=${connecting}
          data-testid="spotify-again">${t(connecting ? 'spotify.hideSteps' : 'spotify.connectAgain')}</button>`}
      ${status.state !== 'not_configured' && html`
        <button type="button" class="button" onClick=${() => setConfirm(true)} data-testid="spotify-disconnect">
          ${t('spotify.disconnect')}</button>`}
    </div>
    ${showFlow && html`<${SpotifyConnect} onSaved=${spotify.reload} onConnected=${connected} />`}
    ${confirm && html`<${ConfirmDialog} title=${t('spotify.disconnectTitle')} text=${t('spotify.disconnectText')} danger
      confirm=${t('spotify.disconnect')} onConfirm=${disconnect} onCancel=${() => setConfirm(false)} />`}`;
}
