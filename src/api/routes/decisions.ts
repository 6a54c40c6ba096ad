import type { FastifyPluginAsync } from 'fastify';
import type { DB } from '../../store/database.js';
import { listDecisions } from '../../store/decisions.js';
import type { MeetingFilter, Page } from '../../store/filters.js';
import { decisionSchema, errorResponses, listQuery, pageOf } from '../schemas.js';

/** GET /api/decisions. */
export const decisionRoutes: FastifyPluginAsync<{ db: DB }> = async (app, { db }) => {
  app.get<{ Querystring: MeetingFilter & Page }>(
    '/api/decisions',
    {
      schema: {
        summary: 'Decisions, newest meeting first',
        querystring: { type: 'object', properties: { ...listQuery } },
        response: { 200: pageOf(decisionSchema), ...errorResponses },
      },
    },
    async (request) => listDecisions(db, request.query),
  );
};
