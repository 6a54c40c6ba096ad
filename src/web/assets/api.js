// The JSON API, as the page uses it. Errors come back as { error, message }.

/** GET a JSON route with query parameters (empty ones left out). */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const response = await fetch(query.size > 0 ? `${path}?${query}` : path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.message ?? `${response.status} ${response.statusText}`);
  return body;
}

/** GET a route that answers text (the rendered minutes). */
export async function getText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error((await response.json()).message ?? response.statusText);
  return response.text();
}

/** The write token is the user's to give; it stays in this tab only. */
export const token = {
  get: () => sessionStorage.getItem('minutes-token') ?? '',
  set: (value) => sessionStorage.setItem('minutes-token', value),
};

/** A write (POST, PATCH) with the bearer token. */
export async function send(method, path, body, contentType) {
  const response = await fetch(path, {
    method,
    headers: { 'content-type': contentType, authorization: `Bearer ${token.get()}` },
    body,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.message ?? response.statusText);
  return answer;
}

let status;
/** Whether writes are enabled and which series exist; asked once per page load. */
export const serverStatus = () => (status ??= getJson('/api/status'));
