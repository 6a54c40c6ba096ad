import type { FastifyPluginAsync } from 'fastify';
import { importPosted } from '../../kb/knowledge-base.js';
import { ParsePool } from '../../import/parse-pool.js';
import { seriesOfSource, sourceNameProblem } from '../../import/source-name.js';
import type { DB } from '../../store/database.js';
import type { MeetingFilter, Page } from '../../store/filters.js';
import {
  getMeeting,
  listMeetings,
  meetingBody,
  meetingContentHash,
  meetingIdBySource,
  meetingsVersion,
  type StoredMeeting,
} from '../../store/meetings.js';
import {
  errorResponses,
  errorSchema,
  fileResponse,
  listQuery,
  meetingSummarySchema,
  pageOf,
  storedMeetingSchema,
} from '../schemas.js';
import { posix } from 'node:path';
import { renderMeeting, type LinkResolver } from '../../web/render-meeting.js';
import { storageFailure } from '../guards.js';
import { requireWriteToken } from '../write-access.js';

/**
 * A link in the minutes to another file of minutes ("20230704-special.md#votes") opens that meeting's view, if it was
 * imported.
 */
function linksBeside(db: DB, meeting: StoredMeeting): LinkResolver {
  return (href) => {
    const [path = '', hash = ''] = href.split('#', 2);
    let file: string;
    try {
      file = posix.join(posix.dirname(meeting.source), decodeURIComponent(path.split('?')[0]!));
    } catch {
      return null;
    }
    const id = path === '' ? meeting.id : meetingIdBySource(db, file);
    return id === null ? null : `/meetings/${id}${/^L\d+$/.test(hash) ? `#${hash}` : ''}`;
  };
}

const meetingId = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } },
  required: ['id'],
} as const;

/** GET /api/meetings, GET /api/meetings/:id (and its minutes as HTML), POST /api/meetings. */
/** Rendered meetings by key, the oldest dropped first past `size`: a meeting's HTML is made once, not per request. */
class RenderCache {
  private readonly entries = new Map<string, string>();
  constructor(private readonly size = 200) {}

  get(key: string): string | undefined {
    const html = this.entries.get(key);
    if (html !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, html);
    }
    return html;
  }

  set(key: string, html: string): void {
    this.entries.set(key, html);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

export const meetingRoutes: FastifyPluginAsync<{ db: DB; token?: string; parseBudgetMs: number }> = async (
  app,
  { db, token, parseBudgetMs },
) => {
  const rendered = new RenderCache();
  app.get<{ Querystring: MeetingFilter & Page }>(
    '/api/meetings',
    {
      schema: {
        summary: 'Meetings, newest first',
        querystring: { type: 'object', properties: { ...listQuery } },
        response: { 200: pageOf(meetingSummarySchema), ...errorResponses },
      },
    },
    async (request) => listMeetings(db, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/meetings/:id',
    {
      schema: {
        summary: 'The whole record of one meeting',
        params: meetingId,
        response: { 200: storedMeetingSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const meeting = getMeeting(db, request.params.id);
      if (!meeting)
        return reply.code(404).send({ error: 'Not Found', message: `no meeting with id ${request.params.id}` });
      return meeting;
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/meetings/:id/html',
    {
      schema: {
        summary:
          'The minutes of one meeting as safe HTML, each block anchored by its line (id="L42"), action items and decisions marked',
        params: meetingId,
        response: { 200: fileResponse('text/html'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const hash = meetingContentHash(db, id);
      if (hash === null) return reply.code(404).send({ error: 'Not Found', message: `no meeting with id ${id}` });
      // Rendered once per content and state of the knowledge base (links to other minutes resolve against it).
      const key = `${id}:${hash}:${meetingsVersion(db)}`;
      let html = rendered.get(key);
      if (html === undefined) {
        const meeting = getMeeting(db, id);
        const body = meetingBody(db, id);
        if (!meeting || body === null)
          return reply.code(404).send({ error: 'Not Found', message: `no meeting with id ${id}` });
        const marks = [
          ...meeting.actionItems.map((a) => ({ line: a.line, kind: 'action' as const })),
          ...meeting.decisions.map((d) => ({ line: d.line, kind: 'decision' as const })),
        ];
        html = renderMeeting(body, marks, linksBeside(db, meeting));
        rendered.set(key, html);
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'") // a fragment for the page, never a page of its own
        .header('x-content-type-options', 'nosniff')
        .send(html);
    },
  );

  // Posted minutes are parsed off the request thread, each within the parse budget: one worker,
  // started by the first post and kept.
  let parser: ParsePool | null = null;
  app.addHook('onClose', async () => parser?.close());
  app.post<{ Querystring: { source: string }; Body: Buffer }>(
    '/api/meetings',
    {
      preHandler: requireWriteToken(token),
      schema: {
        security: [{ token: [] }],
        summary: 'Import one file of minutes (markdown body)',
        description:
          'The body is the markdown (Content-Type text/markdown or text/plain); `source` names it, e.g. `team/20240715.md` (its first folder is the series unless front matter names one). Unchanged content is a no-op; changed content replaces the earlier import. Needs `Authorization: Bearer <MINUTES_TOKEN>`.',
        querystring: {
          type: 'object',
          properties: { source: { type: 'string', minLength: 1, maxLength: 255 } },
          required: ['source'],
        },
        response: {
          200: {
            type: 'object',
            properties: { outcome: { enum: ['replaced', 'unchanged'] }, meeting: storedMeetingSchema },
          },
          201: { type: 'object', properties: { outcome: { enum: ['imported'] }, meeting: storedMeetingSchema } },
          ...errorResponses,
          401: errorSchema,
          403: errorSchema,
          413: errorSchema,
          415: errorSchema,
          422: errorSchema,
          503: errorSchema,
          507: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { source } = request.query;
      const problem = sourceNameProblem(source);
      if (problem) return reply.code(400).send({ error: 'Bad Request', message: `querystring/source: ${problem}` });
      if (!Buffer.isBuffer(request.body)) {
        return reply.code(415).send({
          error: 'Unsupported Media Type',
          message: 'send the markdown as the body with Content-Type text/markdown or text/plain',
        });
      }
      parser ??= new ParsePool(1, parseBudgetMs);
      const result = await importPosted(db, request.body, { source, seriesFromPath: seriesOfSource(source) }, parser);
      if (result.outcome === 'failed') {
        const storage = storageFailure(result.code);
        // 507 or 503, by the error handler
        if (storage) throw Object.assign(new Error(storage.message), { code: result.code });
        return reply.code(422).send({ error: 'Unprocessable Entity', message: `${source}: ${result.error}` });
      }
      return reply
        .code(result.outcome === 'imported' ? 201 : 200)
        .send({ outcome: result.outcome, meeting: getMeeting(db, result.meetingId) });
    },
  );
};
