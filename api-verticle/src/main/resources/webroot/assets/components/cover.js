// A cover image from Spotify, or a placeholder with the music icon where there is none.
import { html } from '../vendor/preact-htm.js';
import { Icon } from './icons.js';

/** @param size 's' (48 px), 'm' (64 px) or 'l' (96 px) */
export function Cover({ url, size = 's' }) {
  return url ? html`<img class=${`cover cover-${size}`} src=${url} alt="" loading="lazy" />`
    : html`<span class=${`cover cover-${size} cover-empty`} aria-hidden="true"><${Icon} name="music" /></span>`;
}
