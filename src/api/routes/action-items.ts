import type { FastifyPluginAsync } from 'fastify';
import { listActionItems, listOwners, type ActionItemFilter } from '../../store/action-items.js';
import type { DB } from '../../store/database.js';
import type { MeetingFilter, Page } from '../../store/filters.js';
import { actionItemSchema, errorResponses, listQuery, ownerSchema, pageOf } from '../schemas.js';

/** GET /api/action-items and GET /api/owners. */
export const actionItemRoutes: FastifyPluginAsync<{ db: DB }> = async (app, { db }) => {
  app.get<{ Querystring: ActionItemFilter }>(
    '/api/action-items',
    {
      schema: {
        summary: 'Action items, oldest meeting first',
        querystring: {
          type: 'object',
          properties: {
            owner: { type: 'string', minLength: 1, maxLength: 200, description: 'handle or any known name of the owner' },
            status: { enum: ['open', 'done', 'dropped', 'all'], default: 'open' },
            ...listQuery,
          },
        },
        response: { 200: pageOf(actionItemSchema), ...errorResponses },
      },
    },
    async (request) => listActionItems(db, request.query),
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
};
