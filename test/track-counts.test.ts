import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/api/server.js';
import { importPaths } from '../src/import/import-files.js';
import { openDatabase, type DB } from '../src/store/database.js';
import { listPeople } from '../src/store/people.js';
import { HAS_CORPUS, SHARED_CORPUS, tempDir } from './helpers.js';

/** What a task must not start with: an action marker, an arrow, a stray bullet, a handle with a colon. */
const MARKED = /^(?:AI\b|TODO\b|To-? ?Do\b|ACTION\b|Action items?\b|->|=>|→|⇒|[-*•]\s|@[\w.-]+\s*:)/i;

/**
 * One count everywhere: the owners API, the items list, a person's page, the people list and the
 * search facets count the same tracked items, for every owner (and "none") and every status.
 * On the scs community of the shared corpus (the one with most owners and carried items; the
 * whole corpus takes four times as long to import).
 */
describe.skipIf(!HAS_CORPUS)('counts of action items on the scs minutes', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: DB;
  let app: FastifyInstance;
  const get = async (url: string) => (await app.inject({ method: 'GET', url })).json();

  beforeAll(async () => {
    dir = tempDir();
    db = openDatabase(join(dir.dir, 'kb.db'));
    importPaths(db, [join(SHARED_CORPUS, 'scs')]);
    app = await buildServer({ db, logger: false });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    db.close();
    dir.remove();
  });

  it('are equal for every owner and status: owners API, items list, person page, people list, search', async () => {
    const owners: { owner: string; open: number; done: number; dropped: number; live: number; stale: number }[] = (
      await get('/api/owners?limit=1000')
    ).items;
    expect(owners.length).toBeGreaterThan(20);
    expect(owners.map((o) => o.owner)).toContain('none');
    const people = new Map(listPeople(db).map((p) => [p.id, p]));
    for (const o of owners) {
      const owner = encodeURIComponent(o.owner);
      expect(o.live + o.stale, o.owner).toBe(o.open);
      for (const status of ['open', 'done', 'dropped'] as const) {
        const list = (await get(`/api/action-items?owner=${owner}&status=${status}&state=all&limit=0`)).total;
        const facets = (await get(`/api/search?q=&type=action&owner=${owner}&status=${status}&limit=0`)).facets;
        const facet = facets.status.find((f: { value: string }) => f.value === status)?.count ?? 0;
        expect({ owner: o.owner, status, list, facet }).toEqual({
          owner: o.owner,
          status,
          list: o[status],
          facet: o[status],
        });
        if (o.owner !== 'none')
          expect(people.get(o.owner)?.[status], `${o.owner} ${status} in the people list`).toBe(o[status]);
      }
      const page = (await get(`/api/owners/${owner}?state=all`)).open;
      expect(page.total, `${o.owner} on the person page`).toBe(o.open);
      expect((await get(`/api/owners/${owner}`)).open.total, `${o.owner} live on the person page`).toBe(o.live);
      expect((await get(`/api/action-items?owner=${owner}&limit=0`)).total, `${o.owner} live in the list`).toBe(o.live);
    }
  }, 120_000);

  it('gives every item a task without marker, owner prefix or arrow; search still finds the line', async () => {
    const items: { task: string; text: string }[] = (await get('/api/action-items?status=all&state=all&limit=1000'))
      .items;
    expect(items.length).toBeGreaterThan(100);
    const wrapped = items.filter((i) => MARKED.test(i.task));
    expect(wrapped.map((i) => i.task)).toEqual([]);
    // The text of the line, not the task, is what search indexes: a marker word still finds it.
    const line = items.find((i) => /^AI @[\w-]+:/.test(i.text) && i.task !== i.text)!;
    const handle = /^AI @([\w-]+):/.exec(line.text)![1]!;
    const hits = (await get(`/api/search?q=${encodeURIComponent(`"AI @${handle}"`)}&type=action&limit=1000`)).items;
    expect(hits.map((h: { text: string }) => h.text)).toContain(line.text);
  });

  it('counts each item once in the status and owner facets, however often it was carried', async () => {
    const facets = (await get('/api/search?q=&type=action&limit=0')).facets;
    for (const status of ['open', 'done', 'dropped']) {
      const total = (await get(`/api/action-items?status=${status}&state=all&limit=0`)).total;
      expect(facets.status.find((f: { value: string }) => f.value === status)?.count ?? 0, status).toBe(total);
    }
    const owners: { owner: string; open: number; done: number; dropped: number }[] = (
      await get('/api/owners?limit=1000')
    ).items;
    for (const f of facets.owner as { value: string; count: number }[]) {
      const o = owners.find((x) => x.owner === f.value)!;
      expect(f.count, f.value).toBe(o.open + o.done + o.dropped);
    }
  });
});
