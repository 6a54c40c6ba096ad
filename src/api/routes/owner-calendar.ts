import type { FastifyPluginAsync } from 'fastify';
import { toCalendar } from '../../export/ics.js';
import type { DB } from '../../store/database.js';
import { ownerIds } from '../../store/filters.js';
import { listPeople } from '../../store/people.js';
import { listTrackedItems } from '../../store/tracked-items.js';
import { errorResponses, fileResponse } from '../schemas.js';

/** GET /api/owners/:id/action-items.ics: one person's calendar, for a calendar app to subscribe to. */
export const ownerCalendarRoutes: FastifyPluginAsync<{ db: DB }> = async (app, { db }) => {
  app.get<{ Params: { id: string } }>(
    '/api/owners/:id/action-items.ics',
    {
      schema: {
        summary: "One person's live open action items with a due date as iCalendar to-dos (VTODO), to subscribe to",
        description:
          'The person by handle or any known name; items without a due date are left out. 404 for nobody the minutes know.',
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
          required: ['id'],
        },
        response: { 200: fileResponse('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      // Everyone the people list has: participants, owners no participant list names (a team), aliases.
      const ids = new Set(ownerIds(db, id));
      const known = listPeople(db).some((person) => ids.has(person.id));
      if (!known)
        return reply
          .code(404)
          .send({ error: 'Not Found', message: `nobody called ${JSON.stringify(id)} in the minutes` });
      const items = listTrackedItems(db, { owner: id, status: 'open', state: 'live', due: true, limit: -1 }).items;
      const calendar = toCalendar(items, {
        baseUrl: `${request.protocol}://${request.host}`,
        name: `minutes-kb: action items of ${id}`,
      });
      const file = `action-items-${id.replace(/[^A-Za-z0-9._-]+/g, '_')}.ics`;
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="${file}"`)
        .send(calendar);
    },
  );
};
