import type { FastifyPluginAsync } from 'fastify';
import type { DB } from '../../store/database.js';
import { overview, type OverviewOptions } from '../../store/overview.js';
import { personCard } from '../../store/person-card.js';
import { errorResponses } from '../schemas.js';

const openCount = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    name: { type: ['string', 'null'] },
    live: { type: 'integer' },
    stale: { type: 'integer' },
    overdue: { type: 'integer' },
  },
} as const;

const monthCount = {
  type: 'object',
  properties: {
    month: { type: 'string' },
    series: { type: ['string', 'null'] },
    decisions: { type: 'integer' },
    raised: { type: 'integer' },
    closed: { type: 'integer' },
  },
} as const;

const overviewSchema = {
  type: 'object',
  properties: {
    today: { type: 'string' },
    window: { type: 'object', properties: { meetings: { type: 'integer' }, days: { type: 'integer' } } },
    meetings: { type: 'integer' },
    series: { type: 'integer' },
    latestMeeting: { type: ['string', 'null'] },
    live: { type: 'integer' },
    stale: { type: 'integer' },
    overdue: { type: 'integer' },
    bySeries: { type: 'array', items: openCount },
    byOwner: { type: 'array', items: openCount },
    decisions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          meetingId: { type: 'integer' },
          series: { type: ['string', 'null'] },
          date: { type: ['string', 'null'] },
          line: { type: 'integer' },
          text: { type: 'string' },
        },
      },
    },
    months: { type: 'array', items: { type: 'string' } },
    perSeries: { type: 'array', items: monthCount },
    total: { type: 'array', items: monthCount },
  },
} as const;

const personSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: ['string', 'null'] },
    handle: { type: ['string', 'null'] },
    aliases: { type: 'array', items: { type: 'string' } },
    meetings: { type: 'integer' },
    items: { type: 'integer' },
  },
} as const;

/** GET /api/overview (the front page's figures) and GET /api/people/:id (who a person page is about). */
export const overviewRoutes: FastifyPluginAsync<{ db: DB }> = async (app, { db }) => {
  app.get<{ Querystring: OverviewOptions }>(
    '/api/overview',
    {
      schema: {
        summary: 'Live, stale and overdue open items by series and owner, the newest decisions, and activity per month',
        description:
          'Per month: decisions taken, action items first raised, items reported done or dropped (or changed by hand).',
        querystring: {
          type: 'object',
          properties: {
            months: {
              type: 'integer',
              minimum: 1,
              maximum: 240,
              default: 24,
              description: 'months charted, up to the latest meeting',
            },
            top: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 12,
              description: 'rows of the by-series and by-owner lists',
            },
            today: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the day states are judged on' },
          },
        },
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async (request) => overview(db, request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/people/:id',
    {
      schema: {
        summary: 'The person a handle, name or alias means (404 when nobody is known by it)',
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
          required: ['id'],
        },
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      personCard(db, request.params.id) ??
      reply.code(404).send({ error: 'Not Found', message: `nobody known as ${JSON.stringify(request.params.id)}` }),
  );
};
