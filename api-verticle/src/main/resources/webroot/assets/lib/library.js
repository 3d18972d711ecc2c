// The music library's routes (GET /api/library/...): the user's lists, a catalogue search and an
// artist's albums, each read a page at a time, and what a Spotify URI names.
export const LISTS = ['playlists', 'albums', 'tracks', 'artists', 'recent', 'top'];
export const SEARCH_TYPES = ['playlist', 'album', 'track', 'artist'];
export const PAGE_SIZE = 50;
export const MIN_QUERY = 2;

const paged = (path, offset, more = '') => `${path}?limit=${PAGE_SIZE}&offset=${offset}${more}`;

export function listPath(list, offset = 0) {
  return paged(`/api/library/${list}`, offset);
}

export function searchPath(query, type, offset = 0) {
  return paged('/api/library/search', offset, `&q=${encodeURIComponent(query)}&type=${type}`);
}

export function artistAlbumsPath(artistUri, offset = 0) {
  return paged(`/api/library/artists/${encodeURIComponent(idOf(artistUri))}/albums`, offset);
}

/** spotify:playlist:ID → ID. */
export function idOf(uri) {
  return String(uri || '').split(':').pop();
}

/** spotify:playlist:ID → 'playlist' (also album, track, artist; '' for anything else). */
export function kindOf(uri) {
  const kind = String(uri || '').split(':')[1] || '';
  return SEARCH_TYPES.includes(kind) ? kind : '';
}
