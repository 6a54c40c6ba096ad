// The JSON API, as the page uses it. Errors come back as { error, message }.

/** The answer's JSON, or an error with the server's message (or the status, for a proxy's HTML page). */
async function answer(response) {
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const body = isJson ? await response.json() : null;
  if (!response.ok) throw Object.assign(new Error(body?.message ?? `${response.status} ${response.statusText}`), { status: response.status });
  return body;
}

const withQuery = (path, params) => {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  return query ? `${path}?${query}` : path;
};

/** GET a JSON route with query parameters (empty ones left out). */
export async function getJson(path, params = {}) {
  return answer(await fetch(withQuery(path, params)));
}

/** GET a route that answers text (the rendered minutes). */
export async function getText(path) {
  const response = await fetch(path);
  if (!response.ok) await answer(response);
  return response.text();
}

/** The write token is the user's to give; it stays in this tab only. */
export const token = {
  get: () => sessionStorage.getItem('minutes-token') ?? '',
  set: (value) => sessionStorage.setItem('minutes-token', value),
  forget: () => sessionStorage.removeItem('minutes-token'),
};

/** A write (POST, PATCH) with the bearer token; a refused token is forgotten, to be asked again. */
export async function send(method, path, body, contentType) {
  const response = await fetch(path, { method, headers: { 'content-type': contentType, authorization: `Bearer ${token.get()}` }, body });
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
