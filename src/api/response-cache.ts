import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dataVersion, type DB } from '../store/database.js';
import { isCostly } from './guards.js';

interface Entry {
  version: string;
  type: string;
  payload: string | Buffer;
}

/** Answers larger than this are not kept: a few exports of a large knowledge base would fill the cache. */
const MAX_ENTRY_BYTES = 1024 * 1024;

/**
 * Answers of costly GETs (search, a meeting's HTML, exports), kept per URL until the database
 * changes: a page reloaded, or a client repeating the costliest request it can find, costs a
 * lookup. The least recently used of `size` entries goes first.
 */
export function cacheCostlyAnswers(app: FastifyInstance, db: DB, size = 200): void {
  const entries = new Map<string, Entry>();
  const cacheable = (request: FastifyRequest) => request.method === 'GET' && isCostly(request);

  // preHandler, not onRequest: after the rate limit's route hooks, so that cached answers count against it.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(request)) return;
    const entry = entries.get(request.url);
    if (!entry || entry.version !== dataVersion(db)) return;
    entries.delete(request.url);
    entries.set(request.url, entry);
    return reply.header('content-type', entry.type).header('x-cache', 'hit').send(entry.payload);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!cacheable(request) || reply.statusCode !== 200 || reply.getHeader('x-cache') === 'hit') return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (payload.length > MAX_ENTRY_BYTES) return payload;
    entries.set(request.url, {
      version: dataVersion(db),
      type: String(reply.getHeader('content-type') ?? ''),
      payload,
    });
    if (entries.size > size) entries.delete(entries.keys().next().value!);
    return payload;
  });
}
