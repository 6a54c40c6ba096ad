import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { openDatabase, type DB } from '../../src/store/database.js';

const TOKEN = 'test-token';

const meeting = (date: string, body: string) => `# Ops ${date}\n\n## Participants\n\n- @anna\n- @ben\n\n${body}\n`;

/** Posted minutes go through the knowledge base's import: written, then their series relinked. */
describe('POST /api/meetings and the items it changes', () => {
  let db: DB;
  let app: FastifyInstance;
  const post = (source: string, body: string) =>
    app.inject({
      method: 'POST',
      url: `/api/meetings?source=${encodeURIComponent(source)}`,
      headers: { 'content-type': 'text/markdown', authorization: `Bearer ${TOKEN}` },
      body,
    });
  const items = async () =>
    (await app.inject({ method: 'GET', url: '/api/action-items?status=all&state=all&limit=100' })).json().items;

  beforeEach(async () => {
    db = openDatabase(':memory:');
    app = await buildServer({ db, token: TOKEN });
  });
  afterEach(async () => {
    await app.close();
    db.close();
  });

  it('links a review in a later posted meeting to the item, and counts it done', async () => {
    expect(
      (await post('ops/20240902.md', meeting('2024-09-02', '## Notes\n\n- AI @anna: write the upgrade runbook')))
        .statusCode,
    ).toBe(201);
    expect(await items()).toMatchObject([
      { task: 'write the upgrade runbook', status: 'open', state: 'live', meetings: 1 },
    ]);
    const review = '## Check AIs from last time\n\n- AI @anna: write the upgrade runbook\n    - DONE';
    expect((await post('ops/20240909.md', meeting('2024-09-09', review))).statusCode).toBe(201);
    expect(await items()).toMatchObject([
      { task: 'write the upgrade runbook', status: 'done', state: 'done', meetings: 2 },
    ]);
    const status = (await app.inject({ method: 'GET', url: '/api/status' })).json();
    expect(status).toEqual({
      writable: true,
      meetings: 2,
      series: [{ series: 'ops', meetings: 2, latest: '2024-09-09' }],
    });
  });
});
