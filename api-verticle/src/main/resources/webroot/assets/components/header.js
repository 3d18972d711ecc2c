// The top bar (brand, status pill) and the navigation between the screens.
import { html } from '../vendor/preact-htm.js';
import { assetUrl } from '../lib/assets.js';
import { t } from '../lib/i18n.js';
import { Icon } from './icons.js';

/** Live / offline / connecting / store degraded: the state of the link to SpotiPi itself. */
function StatusPill({ state }) {
  let kind = 'ok';
  let text = t('pill.live');
  if (state.online === false) {
    kind = 'bad';
    text = t('pill.offline');
  } else if (state.online === null) {
    kind = 'wait';
    text = t('pill.connecting');
  } else if (state.status && state.status.degraded) {
    kind = 'warn';
    text = t('pill.degraded');
  }
  return html`<span class="pill pill-${kind}" role="status" data-testid="status-pill">${text}</span>`;
}

const LINKS = [['/', 'home', 'nav.home'], ['/alarm', 'alarm', 'nav.alarm'], ['/system', 'system', 'nav.system'],
  ['/settings', 'settings', 'nav.settings']];

export function Header({ state }) {
  return html`
    <header class="topbar">
      <a class="brand" href="/">
        <img src=${assetUrl('icons/icon.svg')} alt="" width="28" height="28" />
        <span>SpotiPi</span>
      </a>
      <${StatusPill} state=${state} />
    </header>
    <nav class="tabs" aria-label=${t('nav.label')}>
      ${LINKS.map(([path, icon, label]) => html`
        <a href=${path} aria-current=${state.path === path ? 'page' : undefined}>
          <${Icon} name=${icon} /><span>${t(label)}</span>
        </a>`)}
    </nav>`;
}
