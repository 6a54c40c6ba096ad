import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { importPaths } from '../src/import/import-files.js';
import { openDatabase, type DB } from '../src/store/database.js';
import { changeItemStatus, getTrackedItem, listTrackedItems } from '../src/store/tracked-items.js';
import { fingerprint, similarity } from '../src/track/fingerprint.js';
import { linkMentions, type Mention } from '../src/track/link-mentions.js';
import { parseText, useKnowledgeBase } from './helpers.js';

const mention = (id: number, date: string, text: string, owners: string[], extra: Partial<Mention> = {}): Mention => ({
  id,
  date,
  source: `s/${date}.md`,
  line: id,
  text,
  owners,
  status: 'open',
  carried: false,
  due: null,
  ...extra,
});

describe('the linking rule', () => {
  it('compares words, keeping issue numbers and link targets', () => {
    expect(fingerprint('_AI @mbuechse: finalize PR [standards#985](https://github.com/x/standards/pull/985)_')).toEqual(
      expect.arrayContaining(['finaliz', 'pull/985', '#985']),
    );
    expect(similarity(fingerprint('AI @x: fix obvious mistakes'), fingerprint('_AI @x: fix obvious mistakes_'))).toBe(
      1,
    );
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

  it('leaves words that only relate ("regarding") out of the fingerprint', () => {
    expect(fingerprint('AI @g: send reminder mail regarding os_purpose property')).not.toContain('regard');
    // The review shares "reminder mail" with an owner-less item: half its words, which is enough for a review.
    const threads = linkMentions('s', [
      mention(1, '2025-07-31', 'AI reminder mail next week', []),
      mention(2, '2025-08-07', 'AI @g send reminder mail regarding os_purpose property', ['g'], { carried: true }),
    ]);
    expect(threads).toHaveLength(1);
  });

  it('compares with every earlier wording of an item, not only the first and the latest', () => {
    const threads = linkMentions('s', [
      mention(1, '2024-01-04', 'TODO: alpha beta gamma delta', []),
      mention(2, '2024-01-11', 'TODO: alpha beta gamma delta epsilon zeta', []),
      mention(3, '2024-01-18', 'TODO: beta gamma delta epsilon zeta theta', []),
      // Dice 0.83 with the second wording, 0.6 with the first, 0.67 with the latest.
      mention(4, '2024-01-25', 'TODO: alpha beta gamma epsilon zeta iota', []),
    ]);
    expect(threads.map((t) => t.mentions.map((m) => m.id))).toEqual([[1, 2, 3, 4]]);
  });

  it('matches the mentions of a meeting together, closest first, so that one does not take the item of another', () => {
    const threads = linkMentions('s', [
      mention(1, '2025-03-06', 'AI @m: create issues for above-mentioned tasks', ['m']),
      mention(2, '2025-03-06', 'AI @m: create issue', ['m'], { agenda: 'Notification mechanism' }),
      // Closer to item 2 (Dice 0.33) than to item 1 (0.27), but item 2 is what the next review is about (0.5).
      mention(
        3,
        '2025-03-20',
        'AI @m: create issues for improving volume-backup script, Swift/S3 script, general script quality',
        ['m'],
        { carried: true },
      ),
      mention(4, '2025-03-20', 'AI @m: create issue regarding notification mechanism for compliance monitor', ['m'], {
        carried: true,
      }),
    ]);
    expect(threads.map((t) => t.mentions.map((m) => m.id))).toEqual([[1], [2, 4], [3]]);
  });

  it('gives a task assigned twice in the same words to the item whose topic the review names', () => {
    const threads = linkMentions('s', [
      mention(1, '2025-11-11', 'AI @d will create draft', ['d'], { agenda: 'SCS-0007 Integrator exceptions' }),
      mention(2, '2025-11-11', 'AI @d will create draft', ['d'], {
        agenda: 'Integrator certification process docs missing',
      }),
      mention(3, '2025-11-18', 'AI @d: creates draft for SCS-0007 Incubator status', ['d'], { carried: true }),
      mention(4, '2025-11-18', 'AI @d: creates draft for missing Integrator certification process docs', ['d'], {
        carried: true,
      }),
    ]);
    expect(threads.map((t) => t.mentions.map((m) => m.id))).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  describe('a review that reads unlike every item', () => {
    const earlier = [
      mention(1, '2025-07-03', 'AI @f/@d: check with Lisa to see what is best in terms of publicity', ['f', 'd']),
      mention(2, '2025-07-03', 'AI @f/@d: develop an idea on how to optimize the presentation of certified CSPs', [
        'f',
        'd',
      ]),
      mention(
        3,
        '2025-07-31',
        'AI @f & @d: check with Lisa about presentation of certificates on website',
        ['f', 'd'],
        { carried: true },
      ),
      mention(
        4,
        '2025-07-31',
        'AI @f & @d: develop an idea on how to optimize the presentation of certified CSPs',
        ['f', 'd'],
        { carried: true },
      ),
    ];
    const review = mention(5, '2025-08-07', 'AI @f & @d: discuss w/Lisa', ['f', 'd'], { carried: true });
    const threadOf = (threads: ReturnType<typeof linkMentions>, id: number) =>
      threads.find((t) => t.mentions.some((m) => m.id === id))!;

    it('joins the one open item of the previous meeting with its owners that holds its words', () => {
      const threads = linkMentions('s', [...earlier, review]);
      expect(threadOf(threads, 5).mentions.map((m) => m.id)).toEqual([1, 3, 5]);
      // An item of only one of its owners that holds its words as well does not make it ambiguous.
      const partly = mention(8, '2025-07-31', 'AI @f: include this into general discussion w/Lisa', ['f']);
      expect(threadOf(linkMentions('s', [...earlier, partly, review]), 5).mentions.map((m) => m.id)).toEqual([1, 3, 5]);
    });

    it('is no link when two items would do, or the item was not at the previous meeting, or it is no review', () => {
      const both = mention(6, '2025-08-07', 'AI @f & @d: Lisa and CSPs', ['f', 'd'], { carried: true });
      expect(threadOf(linkMentions('s', [...earlier, both]), 6).mentions).toHaveLength(1);
      const between = mention(7, '2025-08-01', 'AI @x: something else', ['x']);
      expect(threadOf(linkMentions('s', [...earlier, between, review]), 5).mentions).toHaveLength(1);
      expect(threadOf(linkMentions('s', [...earlier, { ...review, carried: false }]), 5).mentions).toHaveLength(1);
      const call = mention(10, '2025-08-07', 'AI @f & @d: Lisa call', ['f', 'd'], { carried: true });
      const both2 = linkMentions('s', [...earlier, review, call]);
      expect([threadOf(both2, 5).mentions, threadOf(both2, 10).mentions].map((m) => m.length)).toEqual([1, 1]);
      const unrelated = mention(9, '2025-08-07', 'AI @f & @d: send the newsletter', ['f', 'd'], { carried: true });
      expect(threadOf(linkMentions('s', [earlier[0]!, earlier[2]!, unrelated]), 9).mentions).toHaveLength(1);
      const ownerless = { ...review, text: 'discuss w/Lisa', owners: [] };
      expect(threadOf(linkMentions('s', [...earlier, ownerless]), 5).mentions).toHaveLength(1);
    });

    it('counts the title of the agenda item the task was raised under, and a shared owner when none has exactly its owners', () => {
      const raised = mention(1, '2023-10-18', '-> Tue afternoon prep w/ r/j/g (AI @g)', ['g'], {
        agenda: 'Board cleaning',
      });
      const other = mention(2, '2023-10-18', 'AI @g: put all services in a number of buckets', ['g'], {
        agenda: 'Roles',
      });
      const cleanup = mention(3, '2023-10-25', 'Board cleanup @r, @j, @g', ['r', 'j', 'g'], { carried: true });
      expect(threadOf(linkMentions('s', [raised, other, cleanup]), 3).mentions.map((m) => m.id)).toEqual([1, 3]);
      expect(threadOf(linkMentions('s', [{ ...raised, agenda: null }, other, cleanup]), 3).mentions).toHaveLength(1);
    });
  });

  it('reads an assignment that names no task ("Yes (AI @x)") with the bullet it answers', () => {
    const record = parseText(
      '# 2025-01-27\n\n## Infrastructure\n\n* Group, ML for project board?\n    * Yes (AI @garloff)\n* AI reminder mail next week\n* AI for this week:\n',
    );
    expect(record.actionItems.map((a) => [a.text, a.owners])).toEqual([
      ['Group, ML for project board? → Yes (AI @garloff)', ['garloff']],
      ['AI reminder mail next week', []],
    ]);
    const threads = linkMentions('s', [
      mention(1, '2025-01-27', record.actionItems[0]!.text, ['garloff']),
      mention(2, '2025-02-03', '@garloff: Group, ML for project board', ['garloff'], { carried: true }),
    ]);
    expect(threads).toHaveLength(1);
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
    const benchmark = listTrackedItems(db, { status: 'all' }).items.find((i) =>
      i.text.includes('benchmark the new storage backend'),
    )!;
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
    for (const order of [
      [4, 2, 0, 3, 1],
      [1, 3, 4, 0, 2],
      [2, 0, 1, 4, 3],
    ]) {
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
    expect(getTrackedItem(db, alerts.id)).toMatchObject({
      status: 'done',
      changes: [{ status: 'done', note: 'done in the ops channel' }],
    });

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
      app.inject({
        method: 'PATCH',
        url: `/api/action-items/${open.id}`,
        headers: { authorization: `Bearer ${token}` },
        payload: body,
      });
    expect((await patch({ status: 'done' }, 'wrong')).statusCode).toBe(401);
    expect((await patch({ status: 'finished' })).statusCode).toBe(400);
    const done = await patch({ status: 'done', note: 'merged' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: open.id, status: 'done', changes: [{ status: 'done', note: 'merged' }] });
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: '/api/action-items/ai-0000000000',
          headers: { authorization: 'Bearer t' },
          payload: { status: 'open' },
        })
      ).statusCode,
    ).toBe(404);
    const owner = await app.inject({ method: 'GET', url: '/api/owners/emil' });
    expect(owner.json().open.items.every((i: { owners: string[] }) => i.owners.includes('emil'))).toBe(true);
    await app.close();
  });
});
