// This build's asset URLs: the server puts every asset under /assets/<hash>/, and this module is one.
const BASE = new URL('../', import.meta.url);

export function assetUrl(path) {
  return new URL(path, BASE).pathname;
}

/** The content hash that names this build of the web app. */
export const BUILD = BASE.pathname.split('/').filter(Boolean).pop();
