// Modal dialogs on the browser's own <dialog>: focus is trapped inside, Escape cancels, and the
// page behind is inert for keyboards and screen readers.
import { html, useEffect, useRef, useState } from '../vendor/preact-htm.js';
import { storeToken } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { update } from '../lib/store.js';
import { Icon } from './icons.js';

let ids = 0;

/**
 * Open while rendered; `onCancel` on Escape. A `sheet` is a larger dialog with a close button, rising
 * from the bottom on a phone.
 */
export function Dialog({ title, onCancel, children, testid, sheet }) {
  const ref = useRef(null);
  const [id] = useState(() => `dialog-${++ids}`);
  useEffect(() => {
    const dialog = ref.current;
    dialog.showModal();
    // closed before it leaves the page, so that the focus goes back to what opened it
    return () => dialog.open && dialog.close();
  }, []);
  const cancel = (e) => {
    e.preventDefault();
    onCancel();
  };
  return html`
    <dialog ref=${ref} class=${sheet ? 'dialog sheet' : 'dialog'} aria-labelledby=${id} onCancel=${cancel} data-testid=${testid}>
      <div class="dialog-head">
        <h2 id=${id}>${title}</h2>
        ${sheet && html`<button type="button" class="icon-button" onClick=${onCancel} aria-label=${t('common.close')}
          data-testid=${`${testid}-close`}><${Icon} name="close" /></button>`}
      </div>
      ${children}
    </dialog>`;
}

export function ConfirmDialog({ title, text, confirm, onConfirm, onCancel, danger }) {
  return html`
    <${Dialog} title=${title} onCancel=${onCancel} testid="confirm-dialog">
      <p>${text}</p>
      <div class="actions">
        <button type="button" class="button" onClick=${onCancel}>${t('common.cancel')}</button>
        <button type="button" class=${danger ? 'button danger' : 'button primary'} onClick=${onConfirm}
          data-testid="confirm">${confirm}</button>
      </div>
    <//>`;
}

/** Asks for the API token when a change was refused with 401 (lib/api.js waits on it). */
export function TokenDialog({ request }) {
  const [token, setToken] = useState('');
  const finish = (value) => {
    update({ tokenRequest: null });
    request.resolve(value);
  };
  const submit = (e) => {
    e.preventDefault();
    if (token.trim()) {
      storeToken(token.trim());
      finish(token.trim());
    }
  };
  return html`
    <${Dialog} title=${t('token.title')} onCancel=${() => finish(null)} testid="token-dialog">
      <form onSubmit=${submit}>
        <p>${t('token.text')}</p>
        ${request.retry && html`<p class="error" role="alert">${t('token.wrong')}</p>`}
        <label class="field">
          <span>${t('token.label')}</span>
          <input type="password" name="token" autocomplete="current-password" required value=${token}
            onInput=${(e) => setToken(e.target.value)} data-testid="token-input" />
        </label>
        <div class="actions">
          <button type="button" class="button" onClick=${() => finish(null)}>${t('common.cancel')}</button>
          <button type="submit" class="button primary" data-testid="token-save">${t('token.save')}</button>
        </div>
      </form>
    <//>`;
}
