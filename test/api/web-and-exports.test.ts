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
  const markdown =
    '# Tricky 2024-10-01\n\n- AI @quinn: check "quotes", commas; semicolons\\\n  and a second line, by 2024-10-15\n' +
    '- AI @quinn: prüfe die Übergänge für Größen über fünfundsiebzig Oktette hinaus, aüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaüaü, by 2024-10-16\n' +
    '- =HYPERLINK("http://evil.example") => AI @quinn: look into it\n';
  const post = await app.inject({
    method: 'POST',
    url: '/api/meetings?source=tricky/20241001.md',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/markdown' },
    payload: markdown,
  });
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
      // (a text a spreadsheet would run as a formula starts with an apostrophe: see below)
      expect(
        rows.map((r) => [
          r.id,
          (r.text ?? '').replace(/^'(?=[=+\-@])/, ''),
          r.owners,
          r.status,
          r.source,
          Number(r.line),
        ]),
      ).toEqual(
        items.map((a: { id: string; text: string; owners: string[]; status: string; source: string; line: number }) => [
          a.id,
          a.text,
          a.owners.join('; '),
          a.status,
          a.source,
          a.line,
        ]),
      );
    },
  );

  it('writes line breaks inside a quoted field, CRLF between records', () => {
    const text = toCsv(
      [{ a: 'one\ntwo', b: 'x' }],
      [
        { header: 'a', value: (r) => r.a },
        { header: 'b', value: (r) => r.b },
      ],
    );
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

  it('keeps cells a spreadsheet would run as formulas inert', async () => {
    const item = (await json('/api/action-items?owner=quinn')).items.find((a: { text: string }) =>
      a.text.includes('HYPERLINK'),
    );
    expect(item.text).toMatch(/^=HYPERLINK/);
    const rows = csvRows((await get('/api/action-items.csv?owner=quinn')).body);
    expect(rows.find((r) => r.id === item.id)!.text).toBe(`'${item.text}`);
    expect(
      toCsv(
        [{ t: '=1+1' }, { t: '-> TODO' }, { t: '@fkr to do' }, { t: 'plain' }],
        [{ header: 't', value: (r) => r.t }],
      ),
    ).toBe("t\r\n'=1+1\r\n'-> TODO\r\n'@fkr to do\r\nplain\r\n");
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
    for (const url of [
      '/api/action-items.csv?status=bogus',
      '/api/decisions.csv?from=yesterday',
      '/api/action-items.ics?limit=-3',
    ]) {
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
    expect(text.split('\r\n').some((l) => l.startsWith(' ') && /[^\x00-\x7f]/.test(l))).toBe(true); // the long line with umlauts was folded
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const due = (await json('/api/action-items?status=open&limit=1000')).items.filter(
      (a: { due: string | null }) => a.due,
    );
    const todos = calendar.getAllSubcomponents('vtodo');
    expect(due.length).toBeGreaterThanOrEqual(2);
    expect(todos.map((t) => t.getFirstPropertyValue('uid'))).toEqual(
      due.map((a: { id: string }) => `${a.id}@minutes-kb`),
    );
    for (const [i, todo] of todos.entries()) {
      expect(todo.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(String(todo.getFirstPropertyValue('due'))).toBe(due[i].due);
      expect(todo.getFirstPropertyValue('summary')).toBe(due[i].task);
      expect(todo.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
      // DUE must come after DTSTART: an item due on the day it was raised has no start.
      const start = todo.getFirstPropertyValue('dtstart');
      if (start) expect(String(start) < due[i].due).toBe(true);
      else expect(due[i].firstRaised >= due[i].due).toBe(true);
    }
    // limit counts to-dos, not items without a due date left out after paging
    expect(
      new ICAL.Component(ICAL.parse((await get('/api/action-items.ics?limit=2')).body)).getAllSubcomponents('vtodo'),
    ).toHaveLength(2);
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
    expect(response.headers['content-security-policy']).toBe("default-src 'none'");
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

  it('finds a person by full name even where some minutes list the name without the handle', async () => {
    const markdown =
      '# Ops 2024-10-02\n\n## Participants\n\n- Dora Lind\n- @emil\n\n## Notes\n\n- Decision: the ops room moves to the second floor\n';
    const post = await app.inject({
      method: 'POST',
      url: '/api/meetings?source=ops/20241002.md',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/markdown' },
      payload: markdown,
    });
    expect(post.statusCode).toBe(201);
    const byName = (await json('/api/decisions?attendee=Dora%20Lind&limit=1000')).items.map(
      (d: { text: string }) => d.text,
    );
    const byHandle = (await json('/api/decisions?attendee=dora&limit=1000')).items.map((d: { text: string }) => d.text);
    expect(byName).toContain('Decision: the ops room moves to the second floor');
    expect(byName).toEqual(byHandle);
    expect(byName.length).toBeGreaterThan(1);
  });

  it('says whether writes are enabled, and which series there are', async () => {
    expect(await json('/api/status')).toMatchObject({
      writable: true,
      series: expect.arrayContaining([expect.objectContaining({ series: 'demo-weekly', meetings: 5 })]),
    });
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
    for (const url of ['/assets/../routes.ts', '/assets/%2e%2e/index.html', '/assets/nope.js'])
      expect((await get(url)).statusCode, url).toBe(404);
  });
});
