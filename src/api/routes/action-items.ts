import type { FastifyPluginAsync } from 'fastify';
import type { ActionStatus } from '../../parse/meeting-record.js';
import type { DB } from '../../store/database.js';
import type { MeetingFilter, Page } from '../../store/filters.js';
import { listOwners } from '../../store/owners.js';
import { changeItemStatus, getTrackedItem, listTrackedItems, type TrackedItemFilter } from '../../store/tracked-items.js';
import { toCalendar } from '../../export/ics.js';
import { toCsv } from '../../export/csv.js';
import { actionItemColumns } from '../../export/columns.js';
import { errorResponses, errorSchema, exportQuery, fileResponse, listQuery, ownerSchema, pageOf, trackedItemDetailSchema, trackedItemSchema } from '../schemas.js';
import { requireWriteToken } from '../write-access.js';

const itemId = { type: 'object', properties: { id: { type: 'string', pattern: '^ai-[0-9a-f]{10}(-\\d+)?$' } }, required: ['id'] } as const;

const itemFilters = {
  owner: { type: 'string', minLength: 1, maxLength: 200, description: 'handle or any known name of the owner' },
  status: { enum: ['open', 'done', 'dropped', 'all'], default: 'open' },
  stale: { type: 'integer', minimum: 0, maximum: 100000, description: 'only items not mentioned for this many days' },
} as const;

/** Action items (each once, with its history), their CSV and calendar exports, owners, and manual status changes. */
export const actionItemRoutes: FastifyPluginAsync<{ db: DB; token?: string }> = async (app, { db, token }) => {
  app.get<{ Querystring: TrackedItemFilter }>(
    '/api/action-items',
    {
      schema: {
        summary: 'Action items, each once however often carried, oldest first raised first',
        description: '`from` keeps items mentioned on or after it, `to` items raised on or before it; `stale` keeps items not mentioned for that many days.',
        querystring: {
          type: 'object',
          properties: { ...itemFilters, ...listQuery },
        },
        response: { 200: pageOf(trackedItemSchema), ...errorResponses },
      },
    },
    async (request) => listTrackedItems(db, request.query),
  );

  app.get<{ Querystring: TrackedItemFilter }>(
    '/api/action-items.csv',
    {
      schema: {
        summary: 'Action items as CSV, with the same filters as /api/action-items (all rows unless limit is given)',
        querystring: { type: 'object', properties: { ...itemFilters, ...exportQuery } },
        response: { 200: fileResponse('text/csv'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const rows = listTrackedItems(db, { ...request.query, limit: request.query.limit ?? -1 }).items;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="action-items.csv"').send(toCsv(rows, actionItemColumns));
    },
  );

  app.get<{ Querystring: TrackedItemFilter }>(
    '/api/action-items.ics',
    {
      schema: {
        summary: 'Action items with a due date as iCalendar to-dos (VTODO), for a calendar to subscribe to',
        description: 'Open items by default; the same filters as /api/action-items. Items without a due date are left out.',
        querystring: { type: 'object', properties: { ...itemFilters, ...exportQuery } },
        response: { 200: fileResponse('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const rows = listTrackedItems(db, { ...request.query, due: true, limit: request.query.limit ?? -1 }).items;
      const calendar = toCalendar(rows, { baseUrl: `${request.protocol}://${request.host}` });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="action-items.ics"').send(calendar);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/action-items/:id',
    { schema: { summary: 'One action item with every mention and manual change', params: itemId, response: { 200: trackedItemDetailSchema, ...errorResponses } } },
    async (request, reply) => getTrackedItem(db, request.params.id) ?? reply.code(404).send({ error: 'Not Found', message: `no action item ${request.params.id}` }),
  );

  app.patch<{ Params: { id: string }; Body: { status: ActionStatus; note?: string } }>(
    '/api/action-items/:id',
    {
      preHandler: requireWriteToken(token),
      schema: {
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
      changeItemStatus(db, request.params.id, request.body.status, request.body.note ?? null) ??
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

  app.get<{ Params: { id: string } }>(
    '/api/owners/:id',
    {
      schema: {
        summary: "One person's open action items across all series, oldest first",
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['id'] },
        response: { 200: { type: 'object', properties: { owner: { type: 'string' }, open: pageOf(trackedItemSchema) } }, ...errorResponses },
      },
    },
    async (request) => ({ owner: request.params.id, open: listTrackedItems(db, { owner: request.params.id, status: 'open', limit: 1000 }) }),
  );
};
