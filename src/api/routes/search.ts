import type { FastifyPluginAsync } from 'fastify';
import type { DB } from '../../store/database.js';
import { search, type SearchFilter } from '../../store/search.js';
import { errorResponses, listQuery, pageOf, searchHitSchema } from '../schemas.js';

/** GET /api/search: the same search as `minutes search`. */
export const searchRoutes: FastifyPluginAsync<{ db: DB }> = async (app, { db }) => {
  app.get<{ Querystring: SearchFilter }>(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search over decisions, action items and meetings',
        description: 'Any text is accepted as q: words are ANDed, "quoted phrases" kept, the last word matched as a prefix. An empty q lists newest first.',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 1000, default: '' },
            type: { enum: ['decision', 'action', 'meeting', 'all'], default: 'all' },
            ...listQuery,
            limit: { ...listQuery.limit, default: 20 },
          },
        },
        response: { 200: pageOf(searchHitSchema), ...errorResponses },
      },
    },
    async (request) => search(db, request.query),
  );
};
