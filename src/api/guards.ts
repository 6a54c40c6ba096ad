import type { FastifyRequest } from 'fastify';

/**
 * Requests whose work grows with what they ask (search, a meeting's HTML, an export, an import):
 * they count against the rate limit. Reads of one record are cheap and never limited.
 */
const COSTLY: { method: string; path: RegExp }[] = [
  { method: 'GET', path: /^\/api\/search$/ },
  { method: 'GET', path: /^\/api\/meetings\/[^/]+\/html$/ },
  { method: 'GET', path: /\.(?:csv|ics)$/ },
  { method: 'POST', path: /^\/api\/meetings$/ },
];

export function isCostly(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0]!;
  return COSTLY.some((c) => c.method === request.method && c.path.test(path));
}

/**
 * Costly requests a client may make per minute unless `--rate-limit` says otherwise: ten a second, held up for a
 * minute.
 */
export const DEFAULT_RATE_LIMIT = 600;

/**
 * Errors of SQLite that say the database cannot be written now, with the status they answer:
 * 507 when the disk (or the database's size limit) is full, 503 with a retry when another writer
 * holds it or the disk fails. Never a 4xx: the request was fine.
 */
const STORAGE_STATUS: [prefix: string, status: 503 | 507, message: string][] = [
  ['SQLITE_FULL', 507, 'the database is full (no space left on its disk): nothing was written'],
  ['SQLITE_BUSY', 503, 'the database is busy with another writer: nothing was written, try again'],
  ['SQLITE_LOCKED', 503, 'the database is busy with another writer: nothing was written, try again'],
  ['SQLITE_READONLY', 503, 'the database cannot be written (read-only): nothing was written'],
  ['SQLITE_IOERR', 503, 'the database could not be written (an I/O error): nothing was written'],
  ['SQLITE_CANTOPEN', 503, 'the database could not be opened: nothing was written'],
];

/** The status and message a failed write answers with, if its error (or its code) is one of storage. */
export function storageFailure(code: unknown): { status: 503 | 507; message: string } | null {
  if (typeof code !== 'string') return null;
  const match = STORAGE_STATUS.find(([prefix]) => code.startsWith(prefix));
  return match ? { status: match[1], message: match[2] } : null;
}
