import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { toCsv } from '../../src/export/csv.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { ROOT } from '../helpers.js';

const TOKEN = 'test-token';
let db: DB;
let app: FastifyInstance;

beforeAll(async () => {
  db = openDatabase(':memory:');
  importPaths(db, [join(ROOT, 'minutes')]);
  app = await buildServer({ db, token: TOKEN });
  // An item whose text needs quoting in CSV and escaping in iCalendar, with a due date.
  const markdown = '# Tricky 2024-10-01\n\n- AI @quinn: check "quotes", commas; semicolons\\\n  and a second line, by 2024-10-15\n';
  const post = await app.inject({ method: 'POST', url: '/api/meetings?source=tricky/20241001.md', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/markdown' }, payload: markdown });
  expect(post.statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  db.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const json = async (url: string) => (await get(url)).json();
const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('CSV exports', () => {
  it.each(['status=all', 'status=open&series=demo-weekly', 'owner=bmeyer&status=all', 'status=done&limit=2&offset=1'])(
    '/api/action-items.csv?%s has the rows of the JSON route',
    async (filters) => {
      const response = await get(`/api/action-items.csv?${filters}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(/attachment; filename="action-items.csv"/);
      const items = (await json(`/api/action-items?${filters}${filters.includes('limit') ? '' : '&limit=1000'}`)).items;
      const rows = csvRows(response.body);
      expect(items.length).toBeGreaterThan(0);
      expect(rows.map((r) => [r.id, r.text, r.owners, r.status, r.source, Number(r.line)])).toEqual(
        items.map((a: { id: string; text: string; owners: string[]; status: string; source: string; line: number }) => [a.id, a.text, a.owners.join('; '), a.status, a.source, a.line]),
      );
    },
  );

  it('writes line breaks inside a quoted field, CRLF between records', () => {
    const text = toCsv([{ a: 'one\ntwo', b: 'x' }], [{ header: 'a', value: (r) => r.a }, { header: 'b', value: (r) => r.b }]);
    expect(text).toBe('a,b\r\n"one\ntwo",x\r\n');
    expect(csvRows(text)).toEqual([{ a: 'one\ntwo', b: 'x' }]);
  });

  it('quotes text with quotes and commas so it reads back unchanged', async () => {
    const [item] = (await json('/api/action-items?owner=quinn')).items;
    expect(item.text).toMatch(/"quotes", commas; semicolons/);
    const [row] = csvRows((await get('/api/action-items.csv?owner=quinn')).body);
    expect(row!.text).toBe(item.text);
    expect(row!.due).toBe('2024-10-15');
  });

  it('/api/decisions.csv has the rows of /api/decisions, with the same filters', async () => {
    for (const filters of ['series=demo-weekly', 'attendee=dora', 'from=2024-09-20']) {
      const rows = csvRows((await get(`/api/decisions.csv?${filters}`)).body);
      const items = (await json(`/api/decisions?${filters}&limit=1000`)).items;
      expect(rows.length).toBe(items.length);
      expect(rows.map((r) => r.text)).toEqual(items.map((d: { text: string }) => d.text));
    }
  });

  it('refuses bad filters with a 400, as the JSON routes do', async () => {
    for (const url of ['/api/action-items.csv?status=bogus', '/api/decisions.csv?from=yesterday', '/api/action-items.ics?limit=-3']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json()).toMatchObject({ error: 'Bad Request' });
    }
  });
});

describe('iCalendar export', () => {
  it('holds each open action item with a due date as a VTODO, valid per RFC 5545', async () => {
    const response = await get('/api/action-items.ics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const text = response.body;
    // Content lines end in CRLF and are folded at 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const due = (await json('/api/action-items?status=open&limit=1000')).items.filter((a: { due: string | null }) => a.due);
    const todos = calendar.getAllSubcomponents('vtodo');
    expect(due.length).toBeGreaterThanOrEqual(2);
    expect(todos.map((t) => t.getFirstPropertyValue('uid'))).toEqual(due.map((a: { id: string }) => `${a.id}@minutes-kb`));
    for (const [i, todo] of todos.entries()) {
      expect(todo.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(String(todo.getFirstPropertyValue('due'))).toBe(due[i].due);
      expect(todo.getFirstPropertyValue('summary')).toBe(due[i].text);
      expect(todo.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
    }
  });
});

describe('what the page needs', () => {
  it('renders a meeting as HTML anchored at its action items and decisions', async () => {
    const meeting = (await json('/api/meetings?series=demo-weekly&limit=1')).items[0];
    const record = await json(`/api/meetings/${meeting.id}`);
    const response = await get(`/api/meetings/${meeting.id}/html`);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    for (const a of record.actionItems) expect(response.body).toContain(`id="L${a.line}"`);
    expect(response.body).toMatch(/class="mark mark-decision"/);
    expect((await get('/api/meetings/999999/html')).statusCode).toBe(404);
    expect((await get('/api/meetings/abc/html')).statusCode).toBe(400);
  });

  it('links each meeting to the previous and next of its series', async () => {
    const meetings = (await json('/api/meetings?series=demo-weekly&limit=100')).items.reverse();
    expect(meetings.length).toBe(5);
    for (const [i, m] of meetings.entries()) {
      const record = await json(`/api/meetings/${m.id}`);
      expect(record.previous?.id ?? null).toBe(meetings[i - 1]?.id ?? null);
      expect(record.next?.id ?? null).toBe(meetings[i + 1]?.id ?? null);
    }
  });

  it('lists the decisions of meetings a person attended', async () => {
    const all = (await json('/api/decisions?limit=1000')).items;
    const guest = (await json('/api/decisions?attendee=fritz&limit=1000')).items;
    expect(guest.length).toBeGreaterThan(0);
    expect(guest.length).toBeLessThan(all.length);
    for (const d of guest) {
      const meeting = await json(`/api/meetings/${d.meetingId}`);
      expect(meeting.participants.map((p: { id: string }) => p.id)).toContain('fritz');
    }
  });

  it('says whether writes are enabled, and which series there are', async () => {
    expect(await json('/api/status')).toMatchObject({ writable: true, series: expect.arrayContaining([expect.objectContaining({ series: 'demo-weekly', meetings: 5 })]) });
    const readOnly = await buildServer({ db });
    expect((await readOnly.inject({ method: 'GET', url: '/api/status' })).json().writable).toBe(false);
    await readOnly.close();
  });

  it('serves the page at each of its views with a strict content policy, and its assets by exact name', async () => {
    for (const url of ['/', '/items', '/items/ai-0123456789', '/people/dora', '/meetings/1', '/decisions', '/import']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    }
    expect((await get('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await get('/assets/views/search.js')).statusCode).toBe(200);
    expect((await get('/assets/style.css')).headers['content-type']).toMatch(/text\/css/);
    for (const url of ['/assets/../routes.ts', '/assets/%2e%2e/index.html', '/assets/nope.js']) expect((await get(url)).statusCode, url).toBe(404);
  });
});
