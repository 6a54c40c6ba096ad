import type { FastifyPluginAsync } from 'fastify';
import type { DB } from '../../store/database.js';
import { statement } from '../../store/statements.js';

export interface Status {
  /** Whether this server takes imports and status changes (MINUTES_TOKEN is set). */
  writable: boolean;
  meetings: number;
  /** Every series with its number of meetings and its latest date, for pickers. */
  series: { series: string; meetings: number; latest: string | null }[];
}

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
                items: { type: 'object', properties: { series: { type: 'string' }, meetings: { type: 'integer' }, latest: { type: ['string', 'null'] } } },
              },
            },
          },
        },
      },
    },
    async (): Promise<Status> => ({
      writable,
      meetings: (statement(db, 'SELECT count(*) AS n FROM meetings').get() as { n: number }).n,
      series: statement(
        db,
        'SELECT series, count(*) AS meetings, max(date) AS latest FROM meetings WHERE series IS NOT NULL GROUP BY series ORDER BY series',
      ).all() as Status['series'],
    }),
  );
};
