// Entry point: theme, routing, live state, then the first render.
import { render, html } from './vendor/preact-htm.js';
import { App } from './app.js';
import { startLive } from './lib/live.js';
import { startRouter } from './lib/router.js';
import { applyTheme } from './lib/theme.js';

applyTheme();
startRouter();
startLive();
render(html`<${App} />`, document.getElementById('app'));
