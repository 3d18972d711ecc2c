// The app's frame: header and navigation, the banners, the current screen, the live region for
// short messages, and the token dialog when a change needs one.
import { html, useEffect } from './vendor/preact-htm.js';
import { OfflineBanner, SleepBanner, SnoozeBanners } from './components/banners.js';
import { TokenDialog } from './components/dialog.js';
import { Header } from './components/header.js';
import { chooseLanguage, setLanguage, t } from './lib/i18n.js';
import { K } from './lib/keys.js';
import { useStore } from './lib/store.js';
import { AlarmEditor } from './views/alarm.js';
import { Home } from './views/home.js';
import { Settings } from './views/settings.js';
import { System } from './views/system.js';

const SCREENS = {
  '/': [Home, 'nav.home'],
  '/alarm': [AlarmEditor, 'nav.alarm'],
  '/settings': [Settings, 'nav.settings'],
  '/system': [System, 'nav.system'],
};

export function App() {
  const state = useStore();
  setLanguage(chooseLanguage(state.config && state.config[K.LANGUAGE]));
  const [Screen, title] = SCREENS[state.path] || SCREENS['/'];
  useEffect(() => {
    document.title = `${t(title)} · SpotiPi`;
  });
  return html`
    <${Header} state=${state} />
    <div class="banners">
      <${OfflineBanner} online=${state.online} />
      <${SnoozeBanners} alarm=${state.alarm} config=${state.config} />
      <${SleepBanner} />
    </div>
    <main id="main" data-testid=${`screen-${state.path}`}>
      <${Screen} state=${state} />
    </main>
    <div class=${state.notice ? `toast toast-${state.notice.kind}` : 'toast hidden'} role="status" aria-live="polite"
      data-testid="notice">${state.notice ? state.notice.text : ''}</div>
    ${state.tokenRequest && html`<${TokenDialog} request=${state.tokenRequest} />`}`;
}
