// A small line chart of the last minutes, drawn as SVG (no library): one series, its scale from 0 to
// a round maximum, time running right to left up to now.
import { html } from '../vendor/preact-htm.js';
import { formatNumber } from '../lib/i18n.js';

const W = 320;
const H = 96;
const PAD = 4;

/** The smallest 1, 2 or 5 × 10^n at or above `v` (never below `floor`). */
export function roundUp(v, floor) {
  const x = Math.max(v, floor);
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= x);
}

/**
 * @param samples [{t: ms, v: number}], oldest first
 * @param windowMs how much time the x axis spans, ending now
 */
export function Chart({ samples, windowMs, now, title, unit, digits = 1, floor = 1, testid }) {
  const max = roundUp(Math.max(0, ...samples.map((s) => s.v)), floor);
  const x = (t) => PAD + (W - 2 * PAD) * (1 - (now - t) / windowMs);
  const y = (v) => H - PAD - (H - 2 * PAD) * (v / max);
  const points = samples.filter((s) => now - s.t <= windowMs).map((s) => `${x(s.t).toFixed(1)},${y(s.v).toFixed(1)}`);
  const last = samples.length ? samples[samples.length - 1].v : null;
  const lastText = last == null ? '—' : `${formatNumber(last, digits)} ${unit}`;
  const area = points.length > 1 ? `M${points[0].split(',')[0]},${H - PAD} L${points.join(' L')} L${points[points.length - 1].split(',')[0]},${H - PAD} Z` : '';
  return html`
    <figure class="chart" data-testid=${testid}>
      <figcaption><span>${title}</span><strong>${lastText}</strong></figcaption>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${`${title}: ${lastText}, max ${formatNumber(max, 0)} ${unit}`}
        preserveAspectRatio="none">
        <line class="grid" x1=${PAD} x2=${W - PAD} y1=${y(max / 2)} y2=${y(max / 2)} />
        <line class="axis" x1=${PAD} x2=${W - PAD} y1=${H - PAD} y2=${H - PAD} />
        ${area && html`<path class="area" d=${area} />`}
        ${points.length > 0 && html`<polyline class="line" points=${points.join(' ')} />`}
        <text class="scale" x=${W - PAD} y="14" text-anchor="end">${formatNumber(max, 0)}</text>
      </svg>
    </figure>`;
}
