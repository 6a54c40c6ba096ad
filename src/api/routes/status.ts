import type { FastifyPluginAsync } from 'fastify';
import { status } from '../../kb/knowledge-base.js';
import type { DB } from '../../store/database.js';

export type { KnowledgeBaseStatus as Status } from '../../kb/knowledge-base.js';

/** GET /api/status: what the page needs to know before it draws (can it import? which series are there?). */
export const statusRoutes: FastifyPluginAsync<{ db: DB; writable: boolean }> = async (app, { db, writable }) => {
  app.get(
    '/api/status',
    {
      schema: {
        summary: 'Whether writes are enabled, and the series of the knowledge base',
        response: {
          200: {
            type: 'object',
            properties: {
              writable: { type: 'boolean' },
              meetings: { type: 'integer' },
              series: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    series: { type: 'string' },
                    meetings: { type: 'integer' },
                    latest: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    async () => status(db, writable),
  );
};
