import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { listPeople } from '../../src/store/people.js';
import { ROOT } from '../helpers.js';

let db: DB;
let app: FastifyInstance;

beforeAll(async () => {
  db = openDatabase(':memory:');
  importPaths(db, [join(ROOT, 'minutes')]);
  app = await buildServer({ db });
});
afterAll(async () => {
  await app.close();
  db.close();
});

interface Item {
  id: string;
  status: string;
  due: string | null;
  owners: string[];
}
const get = (url: string) => app.inject({ method: 'GET', url });
const items = async (query: string): Promise<Item[]> =>
  (await get(`/api/action-items?${query}&limit=1000`)).json().items;
const calendarOf = (text: string) => new ICAL.Component(ICAL.parse(text));
const uids = (calendar: ICAL.Component) =>
  calendar.getAllSubcomponents('vtodo').map((t) => String(t.getFirstPropertyValue('uid')));

describe('GET /api/owners/:id/action-items.ics', () => {
  it("is the owner's open items with a due date, as the JSON list has them", async () => {
    const response = await get('/api/owners/bmeyer/action-items.ics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = calendarOf(response.body);
    expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).toContain('bmeyer');
    const expected = (await items('owner=bmeyer&status=open')).filter((i) => i.due).map((i) => `${i.id}@minutes-kb`);
    expect(expected.length).toBeGreaterThan(0);
    expect(uids(calendar).sort()).toEqual(expected.sort());
    // Closed items with a due date are no to-dos of the calendar.
    const closed = (await items('owner=bmeyer&status=all')).filter((i) => i.due && i.status !== 'open');
    expect(closed.length).toBeGreaterThan(0);
    for (const item of closed) expect(uids(calendar)).not.toContain(`${item.id}@minutes-kb`);
  });

  it('finds the person by any known name', async () => {
    const byHandle = uids(calendarOf((await get('/api/owners/bmeyer/action-items.ics')).body));
    const byName = await get(`/api/owners/${encodeURIComponent('Bernd Meyer')}/action-items.ics`);
    expect(byName.statusCode).toBe(200);
    expect(uids(calendarOf(byName.body))).toEqual(byHandle);
  });

  it('is an empty calendar for someone with nothing open and due, and for an owner no participant list names', async () => {
    const owners: { owner: string; open: number }[] = (await get('/api/owners?limit=1000')).json().items;
    const idle = owners.filter((o) => o.open === 0);
    expect(idle.length).toBeGreaterThan(1);
    for (const owner of idle) {
      const response = await get(`/api/owners/${encodeURIComponent(owner.owner)}/action-items.ics`);
      expect(response.statusCode).toBe(200);
      expect(uids(calendarOf(response.body))).toEqual([]);
    }
    // Among them an owner no participant list names (a team): a person of the people list all the same.
    const absent = listPeople(db)
      .filter((p) => p.meetings === 0)
      .map((p) => p.id);
    expect(idle.some((o) => absent.includes(o.owner))).toBe(true);
  });

  it('answers 404 JSON for nobody the minutes know, 4xx JSON for a name too long', async () => {
    const unknown = await get('/api/owners/nobody-at-all/action-items.ics');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'Not Found', message: expect.stringContaining('nobody-at-all') });
    const long = await get(`/api/owners/${'x'.repeat(201)}/action-items.ics`);
    expect(long.statusCode).toBeGreaterThanOrEqual(400);
    expect(long.statusCode).toBeLessThan(500);
    expect(long.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });

  it('keeps a line break in the name out of the calendar structure', async () => {
    const response = await get(`/api/owners/${encodeURIComponent('bmeyer\r\nX-EVIL:1')}/action-items.ics`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toMatch(/^X-EVIL/m);
  });
});
