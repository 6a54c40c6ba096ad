import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { importPaths } from '../src/import/import-files.js';
import { openDatabase, type DB } from '../src/store/database.js';
import { changeItemStatus, getTrackedItem, listTrackedItems } from '../src/store/tracked-items.js';
import { fingerprint, similarity } from '../src/track/fingerprint.js';
import { linkMentions, type Mention } from '../src/track/link-mentions.js';
import { useKnowledgeBase } from './helpers.js';

const mention = (id: number, date: string, text: string, owners: string[], extra: Partial<Mention> = {}): Mention => ({
  id, date, source: `s/${date}.md`, line: id, text, owners, status: 'open', carried: false, due: null, ...extra,
});

describe('the linking rule', () => {
  it('compares words, keeping issue numbers and link targets', () => {
    expect(fingerprint('_AI @mbuechse: finalize PR [standards#985](https://github.com/x/standards/pull/985)_')).toEqual(
      expect.arrayContaining(['finaliz', 'pull/985', '#985']),
    );
    expect(similarity(fingerprint('AI @x: fix obvious mistakes'), fingerprint('_AI @x: fix obvious mistakes_'))).toBe(1);
  });

  it('links a review to the earlier item, and not a different task of the same person', () => {
    const threads = linkMentions('s', [
      mention(1, '2024-01-04', 'AI @a: write the blog post about R7', ['a']),
      mention(2, '2024-01-04', 'AI @a: review the keycloak PR', ['a']),
      mention(3, '2024-01-11', 'AI @a: write the blog post about R7', ['a'], { carried: true, status: 'done' }),
      mention(4, '2024-01-11', 'AI @b: write the blog post about R7', ['b']),
    ]);
    expect(threads.map((t) => t.mentions.map((m) => m.id))).toEqual([[1, 3], [2], [4]]);
  });

  it('does not reopen a closed item with a new task of the same words, nor link across a long gap', () => {
    const threads = linkMentions('s', [
      mention(1, '2024-01-04', 'TODO: send the newsletter', [], { status: 'done' }),
      mention(2, '2024-02-01', 'TODO: send the newsletter', []),
      mention(3, '2024-09-01', 'TODO: send the newsletter', [], { carried: true }),
    ]);
    expect(threads).toHaveLength(3);
  });

  it('gives the same threads and ids whatever the order of the mentions', () => {
    const mentions = [
      mention(1, '2024-01-04', 'AI @a: write the blog post', ['a']),
      mention(2, '2024-01-11', 'AI @a: write the blog post', ['a'], { carried: true }),
      mention(3, '2024-01-11', 'AI @c: fix CI', ['c']),
    ];
    expect(linkMentions('s', [...mentions].reverse())).toEqual(linkMentions('s', mentions));
  });
});

describe('action items across the demo series', () => {
  const kb = useKnowledgeBase();
  let db: DB;
  beforeEach(() => (db = kb().db));
  const weekly = () => join(kb().minutes, 'demo-weekly');
  const files = () => readdirSync(weekly()).map((f) => join(weekly(), f));
  /** The items with their mentions, by file name and line: what must not depend on import order. */
  const snapshot = (d: DB) =>
    listTrackedItems(d, { status: 'all', limit: -1 }).items.map((i) => ({
      ...i,
      history: getTrackedItem(d, i.id)!.history.map((m) => `${m.source.split('/').pop()}:${m.line}:${m.status}`),
      source: undefined,
      lastSource: undefined,
      meetingId: undefined, // row ids follow the import order; the sources say which meeting
      lastMeetingId: undefined,
    }));

  it('knows each item once, with its history and its latest status', () => {
    importPaths(db, [weekly()]);
    const benchmark = listTrackedItems(db, { status: 'all' }).items.find((i) => i.text.includes('benchmark the new storage backend'))!;
    const item = getTrackedItem(db, benchmark.id)!;
    expect(item.history.map((m) => [m.date, m.status, m.carried])).toEqual([
      ['2024-09-02', 'open', false],
      ['2024-09-09', 'open', true],
      ['2024-09-16', 'open', true],
      ['2024-09-23', 'done', true],
    ]);
    expect(item.status).toBe('done');
    const stillOpen = listTrackedItems(db, { series: 'demo-weekly' }).items.map((i) => i.text);
    expect(stillOpen).toContain('AI @emil: add alert rules for the new storage backend');
    expect(stillOpen.some((t) => t.includes('benchmark'))).toBe(false);
  });

  it('gives the same items whatever the order the files are imported in', () => {
    importPaths(db, [weekly()]);
    const expected = snapshot(db);
    for (const order of [[4, 2, 0, 3, 1], [1, 3, 4, 0, 2], [2, 0, 1, 4, 3]]) {
      const other = openDatabase(join(kb().dir, `order-${order.join('')}.db`));
      for (const i of order) importPaths(other, [files()[i]!]);
      expect(snapshot(other)).toEqual(expected);
      other.close();
    }
  });

  it('keeps a manual change across re-imports until later minutes report on the item', () => {
    const last = join(weekly(), '20240930.md');
    const saved = readFileSync(last);
    rmSync(last);
    importPaths(db, [weekly()]);
    const alerts = listTrackedItems(db, { owner: 'emil' }).items.find((i) => i.text.includes('alert rules'))!;
    changeItemStatus(db, alerts.id, 'done', 'done in the ops channel');
    expect(getTrackedItem(db, alerts.id)).toMatchObject({ status: 'done', changes: [{ status: 'done', note: 'done in the ops channel' }] });

    // A re-import, even of a changed file, does not undo it.
    const earlier = join(weekly(), '20240902.md');
    writeFileSync(earlier, `${readFileSync(earlier, 'utf8')}\n`);
    importPaths(db, [weekly()]);
    expect(getTrackedItem(db, alerts.id)!.status).toBe('done');

    // The next meeting's minutes still list it as open: they win.
    writeFileSync(last, saved);
    importPaths(db, [weekly()]);
    expect(getTrackedItem(db, alerts.id)!.status).toBe('open');
  });

  it('closes items over PATCH with the write token', async () => {
    importPaths(db, [weekly()]);
    const app = await buildServer({ db, token: 't' });
    const open = listTrackedItems(db).items[0]!;
    const patch = (body: object, token = 't') =>
      app.inject({ method: 'PATCH', url: `/api/action-items/${open.id}`, headers: { authorization: `Bearer ${token}` }, payload: body });
    expect((await patch({ status: 'done' }, 'wrong')).statusCode).toBe(401);
    expect((await patch({ status: 'finished' })).statusCode).toBe(400);
    const done = await patch({ status: 'done', note: 'merged' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: open.id, status: 'done', changes: [{ status: 'done', note: 'merged' }] });
    expect((await app.inject({ method: 'PATCH', url: '/api/action-items/ai-0000000000', headers: { authorization: 'Bearer t' }, payload: { status: 'open' } })).statusCode).toBe(404);
    const owner = await app.inject({ method: 'GET', url: '/api/owners/emil' });
    expect(owner.json().open.items.every((i: { owners: string[] }) => i.owners.includes('emil'))).toBe(true);
    await app.close();
  });
});
