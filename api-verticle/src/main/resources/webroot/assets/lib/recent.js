// Music picked lately in this browser, newest first: the picker shows it before everything else.
import { keep, recall } from './local.js';

const KEY = 'spotipi.recentPicks';
const MAX = 12;

export function recentPicks() {
  return recall(KEY, []);
}

export function rememberPick({ uri, name, subtitle, image_url }) {
  keep(KEY, [{ uri, name, subtitle, image_url }, ...recentPicks().filter((p) => p.uri !== uri)].slice(0, MAX));
}

/** The items picked lately first (latest first), then the others in their own order. */
export function recentFirst(items, picks = recentPicks()) {
  const rank = new Map(picks.map((p, i) => [p.uri, i]));
  const picked = items.filter((item) => rank.has(item.uri)).sort((a, b) => rank.get(a.uri) - rank.get(b.uri));
  return [...picked, ...items.filter((item) => !rank.has(item.uri))];
}

/** What this browser knows of a URI it picked: its name and cover, or null. */
export function pickOf(uri) {
  return recentPicks().find((p) => p.uri === uri) || null;
}
