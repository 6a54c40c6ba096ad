// The JSON API, as the page uses it. Errors come back as { error, message }.

/** What went wrong, in words a reader can act on, by the answer's status. */
const WORDS = {
  401: 'The server did not accept the write token. Sign in again with the MINUTES_TOKEN the server was started with.',
  403: 'This server is read-only: start it with MINUTES_TOKEN set to allow changes.',
  404: 'There is no such thing here: it may have been removed by a later import.',
  413: 'That file is larger than the server accepts.',
  429: 'Too many requests from this browser in the last minute: wait a little and try again.',
  507: 'The server has no room left on its disk: nothing was changed.',
};

/** The answer's JSON, or an error whose message says what went wrong (and, for bad input, the server's words). */
async function answer(response) {
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const body = isJson ? await response.json() : null;
  if (!response.ok) {
    const words =
      WORDS[response.status] ??
      (response.status >= 500 ? 'The server failed to answer; try again in a moment.' : body?.message);
    throw Object.assign(new Error(words ?? `The server answered ${response.status} ${response.statusText}.`), {
      status: response.status,
      detail: body?.message,
    });
  }
  return body;
}

/** fetch, with a failure to reach the server said in words. */
async function request(path, init) {
  try {
    return await fetch(path, init);
  } catch {
    throw Object.assign(new Error('Could not reach the server: check that minutes-kb is still running.'), {
      status: 0,
    });
  }
}

const withQuery = (path, params) => {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ).toString();
  return query ? `${path}?${query}` : path;
};

/** GET a JSON route with query parameters (empty ones left out). */
export async function getJson(path, params = {}) {
  return answer(await request(withQuery(path, params)));
}

/** GET a route that answers text (the rendered minutes). */
export async function getText(path) {
  const response = await request(path);
  if (!response.ok) await answer(response);
  return response.text();
}

/** The write token is the user's to give; it stays in this tab only (sessionStorage). */
export const token = {
  get: () => sessionStorage.getItem('minutes-token') ?? '',
  set: (value) => {
    sessionStorage.setItem('minutes-token', value);
    document.dispatchEvent(new Event('signed-in-changed'));
  },
  forget: () => {
    sessionStorage.removeItem('minutes-token');
    document.dispatchEvent(new Event('signed-in-changed'));
  },
};

/** A write (POST, PATCH) with the bearer token; a refused token is forgotten, to be asked again. */
export async function send(method, path, body, contentType) {
  const response = await request(path, {
    method,
    headers: { 'content-type': contentType, authorization: `Bearer ${token.get()}` },
    body,
  });
  if (response.status === 401) token.forget();
  return answer(response);
}

let status = null;
/** Whether writes are enabled and which series exist; asked once, again after a failure or an import. */
export function serverStatus({ fresh = false } = {}) {
  if (fresh || !status) {
    status = getJson('/api/status');
    status.catch(() => (status = null));
  }
  return status;
}

export { withQuery };
