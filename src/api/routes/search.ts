import type { FastifyPluginAsync } from 'fastify';
import type { DB } from '../../store/database.js';
import { search, type SearchFilter } from '../../store/search.js';
import { errorResponses, listQuery, searchResultSchema } from '../schemas.js';

/** GET /api/search: the same search as `minutes search`. */
export const searchRoutes: FastifyPluginAsync<{ db: DB }> = async (app, { db }) => {
  app.get<{ Querystring: SearchFilter }>(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search over decisions, action items and meetings',
        description:
          'Any text is accepted as q, also a question ("what did we decide about keycloak last spring?"): question words are left out, intent words, names of owners and time words read as filters (`query.reading` says how, each guess with the question that undoes it), words stemmed, the last one matched as a prefix; when fewer than a page have all words, those with any follow; misspelt words are corrected from the index. `owner:x is:open type:decision series:s before:D after:D` are read as filters and win over guesses. An empty q lists newest first. Facet counts cover all matches.',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 1000, default: '' },
            type: { enum: ['decision', 'action', 'meeting', 'all'], default: 'all' },
            owner: { type: 'string', minLength: 1, maxLength: 200 },
            status: { enum: ['open', 'done', 'dropped'] },
            before: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'meetings before this date' },
            after: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'meetings after this date' },
            today: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              description: 'the date time words are read against (default: today)',
            },
            ...listQuery,
            limit: { ...listQuery.limit, default: 20 },
          },
        },
        response: { 200: searchResultSchema, ...errorResponses },
      },
    },
    async (request) => search(db, request.query),
  );
};
