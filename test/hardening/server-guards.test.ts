import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../../src/api/server.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase } from '../../src/store/database.js';
import { ROOT } from '../helpers.js';

async function serverOn(options: Partial<ServerOptions> = {}) {
  const db = openDatabase(':memory:');
  importPaths(db, [join(ROOT, 'minutes')]);
  const app = await buildServer({ db, ...options });
  return { db, app, close: async () => (await app.close(), db.close()) };
}

const AUTH = { authorization: 'Bearer t' };

describe('security headers', () => {
  it('are on every kind of answer: JSON, the page, an asset, a 404, the API docs', async () => {
    const { app, close } = await serverOn();
    try {
      for (const url of [
        '/api/status',
        '/api/search?q=keycloak',
        '/',
        '/assets/app.js',
        '/no/such/path',
        '/docs',
        '/docs/static/index.html',
      ]) {
        const response = await app.inject({ url });
        expect(response.headers['x-content-type-options'], url).toBe('nosniff');
        expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(response.headers['content-security-policy'], url).toMatch(/default-src 'self'|default-src 'none'/);
      }
    } finally {
      await close();
    }
  });
});

describe('the API docs', () => {
  it('offer a bearer token for the write routes (Authorize), and only for them', async () => {
    const { app, close } = await serverOn();
    try {
      await app.ready();
      const doc = app.swagger() as {
        components: { securitySchemes: object };
        paths: Record<string, Record<string, { security?: unknown }>>;
      };
      expect(doc.components.securitySchemes).toMatchObject({ token: { type: 'http', scheme: 'bearer' } });
      expect(doc.paths['/api/meetings']!.post!.security).toEqual([{ token: [] }]);
      expect(doc.paths['/api/action-items/{id}']!.patch!.security).toEqual([{ token: [] }]);
      expect(doc.paths['/api/meetings']!.get!.security).toBeUndefined();
    } finally {
      await close();
    }
  });
});

describe('the rate limit of costly requests', () => {
  it('answers 429 with a retry time past the limit, and leaves cheap reads alone', async () => {
    const { app, close } = await serverOn({ rateLimit: 3 });
    try {
      const searches = [];
      // The same search each time: answers from the cache count too.
      for (let i = 0; i < 4; i++) searches.push(await app.inject({ url: '/api/search?q=keycloak' }));
      expect(searches.slice(0, 3).map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(searches[3]!.statusCode).toBe(429);
      expect(searches[3]!.headers['retry-after']).toBeDefined();
      expect(searches[3]!.json()).toMatchObject({
        error: 'Too Many Requests',
        message: expect.stringMatching(/more than 3 .* a minute/),
      });
      expect((await app.inject({ url: '/api/action-items.csv' })).statusCode).toBe(429);
      expect((await app.inject({ url: '/api/status' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/meetings' })).statusCode).toBe(200);
    } finally {
      await close();
    }
  });

  it('is off with 0', async () => {
    const { app, close } = await serverOn({ rateLimit: 0 });
    try {
      for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/api/search?q=keycloak' })).statusCode).toBe(200);
    } finally {
      await close();
    }
  });
});

describe('the answers of costly requests', () => {
  it('are kept until the database changes: repeated, a search costs a lookup; after a write it is answered anew', async () => {
    const { app, close } = await serverOn({ token: 't' });
    try {
      const url = '/api/search?q=keycloak';
      const first = await app.inject({ url });
      const second = await app.inject({ url });
      expect(first.headers['x-cache']).toBeUndefined();
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.body).toBe(first.body);
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      const item = (await app.inject({ url: '/api/action-items?limit=1' })).json().items[0];
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/action-items/${item.id}`,
        headers: AUTH,
        payload: { status: 'done' },
      });
      expect(patched.statusCode).toBe(200);
      expect((await app.inject({ url })).headers['x-cache']).toBeUndefined();
    } finally {
      await close();
    }
  });
});

describe('a full disk', () => {
  it('answers 507 to an import and to a status change, and nothing is written', async () => {
    const { db, app, close } = await serverOn({ token: 't' });
    try {
      const item = (await app.inject({ url: '/api/action-items?limit=1' })).json().items[0];
      const before = db.prepare('SELECT count(*) FROM meetings').pluck().get();
      // The database may not grow by a page: as if its disk were full.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      const minutes = `# Weekly 2024-07-29\n\n${'## Notes\n\n- a long line of notes about nothing much at all\n'.repeat(400)}`;
      const posted = await app.inject({
        method: 'POST',
        url: '/api/meetings?source=team/20240729.md',
        headers: { ...AUTH, 'content-type': 'text/markdown' },
        payload: minutes,
      });
      expect(posted.statusCode).toBe(507);
      expect(posted.json()).toMatchObject({ error: 'Insufficient Storage', message: expect.stringMatching(/full/) });
      expect(db.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(before);
      let patched;
      for (let i = 0; i < 200 && patched?.statusCode !== 507; i++) {
        patched = await app.inject({
          method: 'PATCH',
          url: `/api/action-items/${item.id}`,
          headers: AUTH,
          payload: { status: i % 2 ? 'open' : 'done', note: 'n'.repeat(2000) },
        });
        expect([200, 507]).toContain(patched.statusCode);
      }
      expect(patched?.statusCode).toBe(507);
    } finally {
      await close();
    }
  });
});
