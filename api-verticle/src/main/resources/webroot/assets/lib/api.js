// Calls to the SpotiPi API: JSON in and out, problem details (RFC 9457) as ApiError, entity tags for
// compare-and-set, and the bearer token a server with SPOTIPI_API_TOKEN wants on every change.
import { update } from './store.js';

const TOKEN_KEY = 'spotipi.apiToken';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.detail) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export function storedToken() {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token) {
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
  } else {
    localStorage.removeItem(TOKEN_KEY);
  }
}

/** Asks the user for the token through the dialog (App renders it); resolves to the token or null. */
function askToken(reason, retry) {
  return new Promise((resolve) => update({ tokenRequest: { reason, retry, resolve } }));
}

async function bodyOf(res) {
  if (res.status === 204 || res.status === 304) {
    return null;
  }
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

/**
 * One request. Resolves to {status, etag, data} for 2xx and 304; a 404 resolves too when `absentOk`
 * (a route this server does not have yet). Anything else rejects with ApiError. A change refused with
 * 401 asks for the token and is sent again with it, until the user cancels.
 */
export async function request(method, path, { body, ifMatch, ifNoneMatch, absentOk } = {}) {
  const mutation = method !== 'GET' && method !== 'HEAD';
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (ifMatch) {
      headers['If-Match'] = ifMatch;
    }
    if (ifNoneMatch) {
      headers['If-None-Match'] = ifNoneMatch;
    }
    const token = storedToken();
    if (mutation && token) {
      headers.Authorization = `Bearer ${token}`;
    }
    const res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const data = await bodyOf(res);
    if (res.ok || res.status === 304 || (absentOk && res.status === 404)) {
      return { status: res.status, etag: res.headers.get('ETag'), data };
    }
    if (res.status === 401 && mutation) {
      // the dialog stores what the user enters
      if (await askToken(data && data.detail, attempt > 0 || Boolean(token))) {
        continue;
      }
    }
    const error = new ApiError(res.status, typeof data === 'object' ? data : { detail: data });
    error.etag = res.headers.get('ETag');
    error.retryAfter = Number(res.headers.get('Retry-After')) || null;
    throw error;
  }
}

export const get = (path, options) => request('GET', path, options);
export const put = (path, body, options) => request('PUT', path, { ...options, body });
export const post = (path, body, options) => request('POST', path, { ...options, body });
export const del = (path, options) => request('DELETE', path, options);
