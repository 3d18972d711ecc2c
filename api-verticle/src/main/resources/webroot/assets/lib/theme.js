// Dark or light, kept in this browser (a phone on the nightstand and a desktop may differ).
const KEY = 'spotipi.theme';

export function theme() {
  return localStorage.getItem(KEY) === 'light' ? 'light' : 'dark';
}

export function setTheme(name) {
  localStorage.setItem(KEY, name);
  document.documentElement.dataset.theme = name;
}

export function applyTheme() {
  document.documentElement.dataset.theme = theme();
}
