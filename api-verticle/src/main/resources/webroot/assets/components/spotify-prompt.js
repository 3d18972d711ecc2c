// Home's word on Spotify when it cannot play: not connected yet, or Spotify wants the user to agree
// again. Nothing when it is connected, or when this server has no player.
import { html } from '../vendor/preact-htm.js';
import { t } from '../lib/i18n.js';
import { Icon } from './icons.js';

export function SpotifyPrompt({ spotify }) {
  if (spotify.state !== 'not_configured' && spotify.state !== 'reauthorize') {
    return null;
  }
  const again = spotify.state === 'reauthorize';
  return html`
    <section class=${again ? 'card attention' : 'card'} aria-labelledby="spotify-h" data-testid="spotify-prompt">
      <h2 id="spotify-h"><${Icon} name="spotify" /> ${t(again ? 'prompt.againTitle' : 'prompt.title')}</h2>
      <p>${t(again ? 'prompt.againText' : 'prompt.text')}</p>
      <div class="actions start"><a class="button primary" href="/settings">${t('prompt.open')}</a></div>
    </section>`;
}
