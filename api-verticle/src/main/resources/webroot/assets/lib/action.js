// An action the user started: busy while it runs (so its button can wait), and its failure told as a
// notice in words.
import { useState } from '../vendor/preact-htm.js';
import { t } from './i18n.js';
import { problemText } from './problem.js';
import { notify } from './store.js';

/**
 * [busy, run]: run(task, failure) runs the task; a rejection shows as the notice `failure`
 * ('error.action' or 'error.save') with the problem in words.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const run = async (task, failure = 'error.action') => {
    setBusy(true);
    try {
      await task();
    } catch (e) {
      notify(t(failure, { detail: problemText(e) }), 'error');
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
