import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { search } from '../../src/store/search.js';
import { ROOT } from '../helpers.js';

const TOKEN = 'test-token';
let db: DB;
let app: FastifyInstance;

beforeAll(async () => {
  db = openDatabase(':memory:');
  importPaths(db, [join(ROOT, 'minutes')]);
  app = await buildServer({ db, token: TOKEN, bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await app.close();
  db.close();
});

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

describe('read routes', () => {
  it('searches like the store does, decisions and action items with their meetings', async () => {
    const { status, body } = await get('/api/search?q=keycloak&limit=50');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(search(db, { q: 'keycloak', limit: 50 }))));
    expect(body.items.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['decision', 'action']));
    expect(body.items[0]).toMatchObject({
      meetingId: expect.any(Number),
      source: expect.any(String),
      date: expect.any(String),
    });
  });

  it('lists open action items by owner with a total, and pages', async () => {
    const all = await get('/api/action-items?owner=chen&status=all');
    const first = await get('/api/action-items?owner=chen&status=all&limit=2&offset=1');
    expect(first.body.total).toBe(all.body.total);
    expect(first.body.items).toEqual(all.body.items.slice(1, 3));
    expect(all.body.items.every((a: { owners: string[] }) => a.owners.includes('chen'))).toBe(true);
    const detail = await get(`/api/action-items/${all.body.items[0].id}`);
    expect(detail.body.history.length).toBe(all.body.items[0].meetings);
  });

  it('lists owners with open and done counts, decisions, meetings, and one whole meeting', async () => {
    const owners = await get('/api/owners');
    expect(owners.body.items[0]).toMatchObject({
      owner: expect.any(String),
      open: expect.any(Number),
      done: expect.any(Number),
    });
    const decisions = await get('/api/decisions?series=demo-weekly');
    expect(decisions.body.total).toBeGreaterThan(0);
    const meetings = await get('/api/meetings?series=product-board');
    expect(meetings.body.items).toHaveLength(1);
    const meeting = await get(`/api/meetings/${meetings.body.items[0].id}`);
    expect(meeting.body).toMatchObject({
      date: '2024-07-15',
      participants: expect.any(Array),
      actionItems: expect.any(Array),
      warnings: expect.any(Array),
    });
    expect(meeting.body.participants).toHaveLength(6);
  });

  it('serves OpenAPI at /docs and a page at /', async () => {
    const spec = await get('/docs/json');
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/search', '/api/action-items', '/api/meetings/{id}']),
    );
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('bad input gets a 4xx with { error, message }', () => {
  it.each([
    ['/api/action-items?status=bogus', 400, /status/],
    ['/api/action-items?limit=-1', 400, /limit/],
    ['/api/search?offset=100000000000000000000', 400, /offset/],
    ['/api/action-items?stale=99999999999', 400, /stale/],
    ['/api/search?from=last-week', 400, /from/],
    ['/api/meetings/abc', 400, /id/],
    ['/api/meetings/999999', 404, /999999/],
    ['/api/nothing-here', 404, /no route/],
  ])('%s -> %i', async (url, status, message) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: expect.any(String), message: expect.stringMatching(message) });
  });

  it('accepts any search text', async () => {
    for (const q of ['AND', 'NEAR(', '"unbalanced', '* -', '😀', "'; DROP TABLE meetings; --", '']) {
      const response = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
  });
});

describe('POST /api/meetings', () => {
  const markdown = readFileSync(join(ROOT, 'minutes/demo-weekly/20240909.md'));
  const post = (
    source: string,
    body: string | Buffer,
    headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/meetings?source=${encodeURIComponent(source)}`,
      headers: { 'content-type': 'text/markdown', ...headers },
      body,
    });

  it('imports, then finds the same content unchanged', async () => {
    const first = await post('uploads/20240909.md', markdown);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ outcome: 'imported', meeting: { series: 'uploads', date: '2024-09-09' } });
    const again = await post('uploads/20240909.md', markdown);
    expect(again.json().outcome).toBe('unchanged');
  });

  it('refuses writes without the token, bad sources, bad markdown and big bodies, changing nothing', async () => {
    const count = () => (db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
    const before = count();
    expect((await post('a/x.md', markdown, {})).statusCode).toBe(401);
    expect((await post('a/x.md', markdown, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await post('../etc/passwd.md', markdown)).statusCode).toBe(400);
    expect((await post('/abs/x.md', markdown)).statusCode).toBe(400);
    expect((await post('notes.txt', markdown)).statusCode).toBe(400);
    const empty = await post('a/empty.md', '   ');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().message).toMatch(/a\/empty\.md: empty file/);
    expect((await post('a/big.md', Buffer.alloc(100 * 1024, 'a'))).statusCode).toBe(413);
    expect(count()).toBe(before);
  });

  it('renders a meeting once, and anew when its minutes change', async () => {
    const created = await post('cache/20240909.md', markdown);
    const id = created.json().meeting.id as number;
    const html = async () => (await app.inject({ method: 'GET', url: `/api/meetings/${id}/html` })).body;
    const first = await html();
    expect(await html()).toBe(first);
    expect(first).not.toContain('A line added later');
    await post('cache/20240909.md', `${markdown.toString()}\n\nA line added later.\n`);
    expect(await html()).toContain('A line added later');
  });

  it('is disabled when the server has no token', async () => {
    const readOnly = await buildServer({ db });
    const response = await readOnly.inject({
      method: 'POST',
      url: '/api/meetings?source=a/x.md',
      headers: { 'content-type': 'text/markdown' },
      body: markdown,
    });
    expect(response.statusCode).toBe(403);
    await readOnly.close();
  });
});
