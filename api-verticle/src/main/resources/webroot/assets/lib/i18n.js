// German and English. The language is the config's `language` when it names one of them, else the
// browser's first preference that does, else English.
import { messages } from './messages.js';

export const LANGUAGES = Object.keys(messages);
let current = 'en';

/** Picks the language from the config value and the browser's preferences. */
export function chooseLanguage(configured, preferred = navigator.languages || [navigator.language]) {
  const base = (tag) => String(tag || '').toLowerCase().split('-')[0];
  const fromConfig = base(configured);
  if (LANGUAGES.includes(fromConfig)) {
    return fromConfig;
  }
  return preferred.map(base).find((l) => LANGUAGES.includes(l)) || 'en';
}

export function setLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : 'en';
  document.documentElement.lang = current;
}

export function language() {
  return current;
}

/** The BCP 47 locale for dates and numbers (24-hour clock in both). */
export function locale() {
  return current === 'de' ? 'de-AT' : 'en-GB';
}

/** The message `key` with {name} placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = messages[current][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** "2 h 5 min", "45 s": the two largest units of a duration in seconds. */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const units = [['d', Math.floor(s / 86400)], ['h', Math.floor((s % 86400) / 3600)],
    ['min', Math.floor((s % 3600) / 60)], ['s', s % 60]];
  const first = units.findIndex(([, n]) => n > 0);
  if (first < 0) {
    return t('unit.s', { n: 0 });
  }
  return units.slice(first, first + 2).filter(([, n]) => n > 0).map(([u, n]) => t(`unit.${u}`, { n })).join(' ');
}

export function formatTime(date, zone) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone })
    .format(date);
}

export function formatDate(date, options = { weekday: 'long', day: 'numeric', month: 'long' }) {
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

export function formatDateTime(date) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' })
    .format(date);
}

/** The time alone for today, else the date too. */
export function formatWhen(date, now = new Date()) {
  return date.toDateString() === now.toDateString()
    ? new Intl.DateTimeFormat(locale(), { timeStyle: 'medium', hourCycle: 'h23' }).format(date)
    : formatDateTime(date);
}

export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}
