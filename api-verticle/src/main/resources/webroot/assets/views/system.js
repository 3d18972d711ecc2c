// The system view: the config store's own figures, charts of its last minutes, Spotify's token cache,
// the newest commits and the backups (create, and restore after a confirmation).
import { html, useEffect, useState } from '../vendor/preact-htm.js';
import { Chart } from '../components/chart.js';
import { ConfirmDialog } from '../components/dialog.js';
import { TokenFigures } from '../components/token-figures.js';
import { useAction } from '../lib/action.js';
import { get, post } from '../lib/api.js';
import { formatDateTime, formatNumber, formatWhen, t } from '../lib/i18n.js';
import { useSpotify } from '../lib/spotify.js';
import { notify, update } from '../lib/store.js';

const SAMPLE_MS = 2000;
const WINDOW_MS = 5 * 60 * 1000;
const HISTORY_LIMIT = 15;

/** Samples the status while the view is open: commits per second and the commit latency p99. */
function useSamples() {
  const [samples, setSamples] = useState([]);
  useEffect(() => {
    let previous = null;
    const sample = async () => {
      try {
        const status = (await get('/api/thread-safety/status')).data;
        update({ status });
        const now = Date.now();
        const rate = previous ? Math.max(0, (status.commits_total - previous.commits) / ((now - previous.t) / 1000)) : null;
        previous = { t: now, commits: status.commits_total };
        setSamples((list) => [...list.filter((s) => now - s.t <= WINDOW_MS),
          { t: now, rate, p99: status.commit_latency_ms.p99 }]);
      } catch (e) {
        // offline: the banner says so; the chart shows the gap
      }
    };
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    return () => clearInterval(timer);
  }, []);
  return samples;
}

function Figures({ s }) {
  if (!s) {
    return html`<p class="muted">${t('common.loading')}</p>`;
  }
  const rows = [
    ['system.revision', s.revision, 'revision'],
    ['system.owner', s.owner, 'owner'],
    ['system.latency', `${formatNumber(s.commit_latency_ms.p50, 2)} / ${formatNumber(s.commit_latency_ms.p99, 2)} ms`, 'latency'],
    ['system.cacheHit', `${formatNumber(s.cache_hit_rate * 100, 1)} %`, 'cache'],
    ['system.commits', `${s.commits_total} / ${s.conflicts_total}`, 'commits'],
    ['system.watchers', s.change_listeners_count, 'watchers'],
  ];
  return html`
    <p class=${s.degraded ? 'health bad' : 'health ok'} role="status" data-testid="health">
      ${s.degraded ? t('system.degraded', { reason: s.degraded_reason || '' }) : t('system.healthy')}</p>
    <dl class="figures">${rows.map(([label, value, id]) => html`
      <div><dt>${t(label)}</dt><dd data-testid=${`fig-${id}`}>${value}</dd></div>`)}</dl>`;
}

function History({ revision }) {
  const [entries, setEntries] = useState(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let retry = 0;
    // a failed read (server restarting, rate limit) is tried again instead of staying "loading"
    get(`/api/config/history?limit=${HISTORY_LIMIT}`).then((r) => setEntries(r.data))
      .catch(() => { retry = setTimeout(() => setAttempt((n) => n + 1), 1000); });
    return () => clearTimeout(retry);
  }, [revision, attempt]);
  if (!entries) {
    return html`<p class="muted">${t('common.loading')}</p>`;
  }
  if (entries.length === 0) {
    return html`<p class="muted">${t('system.historyEmpty')}</p>`;
  }
  return html`
    <ol class="rows history" data-testid="history">${entries.map((e) => html`
      <li data-revision=${e.revision}>
        <span class="rev">${e.revision}</span>
        <span class="origin">${e.origin}</span>
        <time class="when" datetime=${e.at}>${formatWhen(new Date(e.at))}</time>
        <span class="keys">${(e.changed_keys || []).join(', ') || '—'}</span>
      </li>`)}
    </ol>`;
}

function Backups() {
  const [list, setList] = useState(null);
  const [confirm, setConfirm] = useState(null);
  const [busy, run] = useAction();
  const load = () => get('/api/backups').then((r) => setList(r.data)).catch(() => {});
  useEffect(() => { load(); }, []);
  const act = (action, message) => run(async () => {
    notify(message(await action()));
    await load();
  });
  const create = () => act(() => post('/api/backups'), (r) => t('system.backupCreated', { revision: r.data.revision }));
  const restore = (b) => {
    setConfirm(null);
    act(() => post(`/api/backups/${encodeURIComponent(b.id)}/restore`),
      (r) => t('system.restored', { from: b.revision, revision: r.data.revision }));
  };
  return html`
    <div class="actions start">
      <button type="button" class="button primary" onClick=${create} disabled=${busy} data-testid="backup-create">
        ${t('system.backupCreate')}</button>
    </div>
    ${list && list.length === 0 && html`<p class="muted">${t('system.backupsEmpty')}</p>`}
    ${list && list.length > 0 && html`
      <ol class="rows backups" data-testid="backups">${list.map((b) => html`
        <li data-testid=${`backup-${b.revision}`}>
          <span class="rev">${b.revision}</span>
          <span class="origin">${formatWhen(new Date(b.created_at))} · ${formatNumber(b.size_bytes / 1024, 1)} KB</span>
          <button type="button" class="button small" disabled=${busy} onClick=${() => setConfirm(b)}
            aria-label=${t('system.restoreLabel', { revision: b.revision })}>${t('system.restore')}</button>
        </li>`)}
      </ol>`}
    ${confirm && html`<${ConfirmDialog} title=${t('system.restoreTitle')} danger
      text=${t('system.restoreText', { revision: confirm.revision, date: formatDateTime(new Date(confirm.created_at)) })}
      confirm=${t('system.restore')} onConfirm=${() => restore(confirm)} onCancel=${() => setConfirm(null)} />`}`;
}

export function System({ state }) {
  const samples = useSamples();
  const spotify = useSpotify();
  const now = samples.length ? samples[samples.length - 1].t : Date.now();
  return html`
    <h1 tabindex="-1">${t('system.title')}</h1>
    <div class="grid">
      <section class="card" aria-labelledby="sys-store"><h2 id="sys-store">${t('system.store')}</h2>
        <${Figures} s=${state.status} />
      </section>
      <section class="card" aria-labelledby="sys-charts"><h2 id="sys-charts">${t('system.charts')}</h2>
        <${Chart} title=${t('system.chartRate')} unit="/s" now=${now} windowMs=${WINDOW_MS} testid="chart-rate"
          samples=${samples.filter((s) => s.rate != null).map((s) => ({ t: s.t, v: s.rate }))} />
        <${Chart} title=${t('system.chartLatency')} unit="ms" digits=${2} now=${now} windowMs=${WINDOW_MS}
          testid="chart-latency" samples=${samples.map((s) => ({ t: s.t, v: s.p99 }))} />
        <p class="hint">${t('system.chartHint', { minutes: WINDOW_MS / 60000, seconds: SAMPLE_MS / 1000 })}</p>
      </section>
      ${spotify.state !== 'absent' && html`
        <section class="card wide" aria-labelledby="sys-spotify"><h2 id="sys-spotify">${t('tokens.title')}</h2>
          <${TokenFigures} spotify=${spotify} />
        </section>`}
      <section class="card wide" aria-labelledby="sys-history"><h2 id="sys-history">${t('system.history')}</h2>
        <${History} revision=${Math.max(state.revision ?? 0, state.status?.revision ?? 0)} />
      </section>
      <section class="card wide" aria-labelledby="sys-backups"><h2 id="sys-backups">${t('system.backups')}</h2>
        <${Backups} />
      </section>
    </div>`;
}
