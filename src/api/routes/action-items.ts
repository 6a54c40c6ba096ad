import type { FastifyPluginAsync } from 'fastify';
import type { ActionStatus } from '../../parse/meeting-record.js';
import type { DB } from '../../store/database.js';
import type { MeetingFilter, Page } from '../../store/filters.js';
import { listOwners } from '../../store/owners.js';
import { changeItem } from '../../kb/knowledge-base.js';
import { getTrackedItem, listTrackedItems, type TrackedItemFilter } from '../../store/tracked-items.js';
import { isIsoDay, STATE_FILTERS, WINDOW_LIMITS } from '../../track/item-states.js';
import { toCalendar } from '../../export/ics.js';
import { toCsv } from '../../export/csv.js';
import { actionItemColumns } from '../../export/columns.js';
import {
  errorResponses,
  errorSchema,
  exportQuery,
  fileResponse,
  listQuery,
  ownerSchema,
  pageOf,
  trackedItemDetailSchema,
  trackedItemPageSchema,
} from '../schemas.js';
import { requireWriteToken } from '../write-access.js';

const itemId = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^ai-[0-9a-f]{10}(-\\d+)?$' } },
  required: ['id'],
} as const;

const itemFilters = {
  owner: {
    type: 'string',
    minLength: 1,
    maxLength: 200,
    description: 'handle or any known name of the owner; `none` for items without one',
  },
  status: { enum: ['open', 'done', 'dropped', 'all'], default: 'open' },
  state: {
    enum: [...STATE_FILTERS],
    description: 'open items in this state: live (the default), stale, overdue (live or stale) or all',
  },
  stale: { type: 'boolean', description: 'true: stale open items too (the same as state=all)' },
  live_meetings: {
    type: 'integer',
    minimum: WINDOW_LIMITS.meetings.min,
    maximum: WINDOW_LIMITS.meetings.max,
    description: 'live while mentioned in one of the last N meetings of its series',
  },
  live_days: {
    type: 'integer',
    minimum: WINDOW_LIMITS.days.min,
    maximum: WINDOW_LIMITS.days.max,
    description: 'or within this many days',
  },
  today: {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'judge states on this day (default: the newest meeting, not after today)',
  },
} as const;

interface ItemQuery extends Omit<TrackedItemFilter, 'stale' | 'window'> {
  stale?: boolean;
  live_meetings?: number;
  live_days?: number;
}

/** The store filter of a query: `stale=true` is state=all; both at once is a 400. */
function filterOf(query: ItemQuery): TrackedItemFilter {
  const { stale, live_meetings, live_days, ...rest } = query;
  if (stale && rest.state) throw badRequest('stale and state: give one (stale=true is state=all)');
  if (rest.today !== undefined && !isIsoDay(rest.today))
    throw badRequest(`today: ${rest.today} is no day of the calendar`);
  return {
    ...rest,
    state: rest.state ?? (stale ? 'all' : 'live'),
    window: { meetings: live_meetings, days: live_days },
  };
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400 });
}

/** The stale items a list left out, and how to ask for them. */
const leftOut = (n: number) => (n > 0 ? `${n} stale open items left out: stale=true or state=stale to see them` : null);

/** Action items (each once, with its history), their CSV and calendar exports, owners, and manual status changes. */
export const actionItemRoutes: FastifyPluginAsync<{ db: DB; token?: string }> = async (app, { db, token }) => {
  app.get<{ Querystring: ItemQuery }>(
    '/api/action-items',
    {
      schema: {
        summary:
          'Action items, each once however often carried: live open ones by default, overdue first, then oldest first raised',
        description:
          '`from` keeps items mentioned on or after it, `to` items raised on or before it. An open item is live while one of the last ' +
          'live_meetings meetings of its series or the last live_days days mention it, else stale; `staleLeftOut` counts the stale ' +
          'ones a live list left out, `note` says how to see them.',
        querystring: {
          type: 'object',
          properties: { ...itemFilters, ...listQuery },
        },
        response: { 200: trackedItemPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = listTrackedItems(db, filterOf(request.query));
      return { ...page, note: leftOut(page.staleLeftOut) };
    },
  );

  app.get<{ Querystring: ItemQuery }>(
    '/api/action-items.csv',
    {
      schema: {
        summary: 'Action items as CSV, with the same filters as /api/action-items (all rows unless limit is given)',
        querystring: { type: 'object', properties: { ...itemFilters, ...exportQuery } },
        response: { 200: fileResponse('text/csv'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const page = listTrackedItems(db, { ...filterOf(request.query), limit: request.query.limit ?? -1 });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="action-items.csv"')
        .header('x-stale-left-out', String(page.staleLeftOut))
        .send(toCsv(page.items, actionItemColumns));
    },
  );

  app.get<{ Querystring: ItemQuery }>(
    '/api/action-items.ics',
    {
      schema: {
        summary: 'Action items with a due date as iCalendar to-dos (VTODO), for a calendar to subscribe to',
        description:
          'Open items by default; the same filters as /api/action-items. Items without a due date are left out.',
        querystring: { type: 'object', properties: { ...itemFilters, ...exportQuery } },
        response: { 200: fileResponse('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const page = listTrackedItems(db, { ...filterOf(request.query), due: true, limit: request.query.limit ?? -1 });
      const calendar = toCalendar(page.items, { baseUrl: `${request.protocol}://${request.host}` });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="action-items.ics"')
        .header('x-stale-left-out', String(page.staleLeftOut))
        .send(calendar);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/action-items/:id',
    {
      schema: {
        summary: 'One action item with every mention and manual change',
        params: itemId,
        response: { 200: trackedItemDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      getTrackedItem(db, request.params.id) ??
      reply.code(404).send({ error: 'Not Found', message: `no action item ${request.params.id}` }),
  );

  app.patch<{ Params: { id: string }; Body: { status: ActionStatus; note?: string } }>(
    '/api/action-items/:id',
    {
      preHandler: requireWriteToken(token),
      schema: {
        security: [{ token: [] }],
        summary: 'Close, drop or reopen an action item by hand (kept until later minutes report on it)',
        params: itemId,
        body: {
          type: 'object',
          properties: { status: { enum: ['open', 'done', 'dropped'] }, note: { type: 'string', maxLength: 2000 } },
          required: ['status'],
          additionalProperties: false,
        },
        response: { 200: trackedItemDetailSchema, ...errorResponses, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) =>
      changeItem(db, request.params.id, request.body.status, request.body.note ?? null) ??
      reply.code(404).send({ error: 'Not Found', message: `no action item ${request.params.id}` }),
  );

  app.get<{ Querystring: MeetingFilter & Page }>(
    '/api/owners',
    {
      schema: {
        summary: 'Owners of action items with their open, done and dropped counts',
        querystring: { type: 'object', properties: { ...listQuery } },
        response: { 200: pageOf(ownerSchema), ...errorResponses },
      },
    },
    async (request) => listOwners(db, request.query),
  );

  app.get<{ Params: { id: string }; Querystring: ItemQuery }>(
    '/api/owners/:id',
    {
      schema: {
        summary:
          "One person's open action items across all series: live ones by default, overdue first (`none`: items without an owner)",
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
          required: ['id'],
        },
        querystring: {
          type: 'object',
          properties: { state: itemFilters.state, stale: itemFilters.stale, today: itemFilters.today },
        },
        response: {
          200: { type: 'object', properties: { owner: { type: 'string' }, open: trackedItemPageSchema } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = listTrackedItems(db, {
        ...filterOf(request.query),
        owner: request.params.id,
        status: 'open',
        limit: 1000,
      });
      return { owner: request.params.id, open: { ...page, note: leftOut(page.staleLeftOut) } };
    },
  );
};
