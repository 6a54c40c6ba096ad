import type { FastifyPluginAsync } from 'fastify';
import { toCsv } from '../../export/csv.js';
import { decisionColumns } from '../../export/columns.js';
import type { DB } from '../../store/database.js';
import { listDecisions, type DecisionFilter } from '../../store/decisions.js';
import { decisionSchema, errorResponses, exportQuery, fileResponse, listQuery, pageOf } from '../schemas.js';

const attendee = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description: 'only meetings this person attended (handle or any known name)',
} as const;

/** GET /api/decisions and its CSV export. */
export const decisionRoutes: FastifyPluginAsync<{ db: DB }> = async (app, { db }) => {
  app.get<{ Querystring: DecisionFilter }>(
    '/api/decisions',
    {
      schema: {
        summary: 'Decisions, newest meeting first',
        querystring: { type: 'object', properties: { ...listQuery, attendee } },
        response: { 200: pageOf(decisionSchema), ...errorResponses },
      },
    },
    async (request) => listDecisions(db, request.query),
  );

  app.get<{ Querystring: DecisionFilter }>(
    '/api/decisions.csv',
    {
      schema: {
        summary: 'Decisions as CSV, with the same filters as /api/decisions (all rows unless limit is given)',
        querystring: { type: 'object', properties: { ...exportQuery, attendee } },
        response: { 200: fileResponse('text/csv'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const rows = listDecisions(db, { ...request.query, limit: request.query.limit ?? -1 }).items;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="decisions.csv"')
        .send(toCsv(rows, decisionColumns));
    },
  );
};
