import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { importPaths, importPathsInParallel } from '../../src/import/import-files.js';
import { listOwners } from '../../src/store/owners.js';
import { listPeople } from '../../src/store/people.js';
import { listTrackedItems as listActionItems } from '../../src/store/tracked-items.js';
import type { DB } from '../../src/store/database.js';
import { listDecisions } from '../../src/store/decisions.js';
import { getMeeting, listMeetings } from '../../src/store/meetings.js';
import { search } from '../../src/store/search.js';
import { writeMeeting } from '../../src/store/write-meeting.js';
import { CORPUS, EXAMPLE, HAS_CORPUS, parseFile, ROOT, tempDir, useKnowledgeBase } from '../helpers.js';
import { openDatabase } from '../../src/store/database.js';

/** Everything in the database, to compare before and after (or two imports, but for when they ran). */
function snapshot(db: DB, { withImportTime = true } = {}): string {
  const tables = [
    'meetings',
    'participants',
    'agenda_items',
    'action_items',
    'action_item_owners',
    'decisions',
    'links',
    'warnings',
    'search_docs',
    'tracked_items',
    'search_doc_facets',
  ];
  const rows = tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]);
  if (!withImportTime) for (const row of rows[0]!) delete row.imported_at;
  return JSON.stringify(rows);
}

describe('importing into the store', () => {
  const kb = useKnowledgeBase();
  let db: DB;
  beforeEach(() => (db = kb().db));
  const minutes = () => kb().minutes;

  it('imports every file with the series from its first folder, and the record round-trips', () => {
    const summary = importPaths(db, [minutes()]);
    expect(summary).toMatchObject({ imported: 6, replaced: 0, unchanged: 0, failed: [] });
    const meetings = listMeetings(db, { limit: 100 });
    expect(new Set(meetings.items.map((m) => m.series))).toEqual(new Set(['product-board', 'demo-weekly']));
    const example = meetings.items.find((m) => m.date === '2024-07-15')!;
    const stored = getMeeting(db, example.id)!;
    const parsed = parseFile(EXAMPLE);
    expect({
      ...stored,
      id: undefined,
      contentHash: undefined,
      importedAt: undefined,
      previous: undefined,
      next: undefined,
      source: parsed.source,
      series: null,
    }).toEqual({
      ...parsed,
      id: undefined,
      contentHash: undefined,
      importedAt: undefined,
      previous: undefined,
      next: undefined,
    });
    expect(stored.series).toBe('product-board');
  });

  it('re-imports an unchanged file as a no-op', () => {
    importPaths(db, [minutes()]);
    const before = snapshot(db);
    expect(importPaths(db, [minutes()])).toMatchObject({ imported: 0, replaced: 0, unchanged: 6, failed: [] });
    expect(snapshot(db)).toBe(before);
  });

  it('replaces the records of a changed file, keeping its meeting id', () => {
    importPaths(db, [minutes()]);
    const file = join(minutes(), 'demo-weekly', '20240902.md');
    const id = listMeetings(db, { limit: 100 }).items.find((m) => m.source.endsWith('20240902.md'))!.id;
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n- AI @zed: a task added after the meeting\n`);
    expect(importPaths(db, [minutes()])).toMatchObject({ imported: 0, replaced: 1, unchanged: 5 });
    const items = listActionItems(db, { owner: 'zed' }).items;
    expect(items).toHaveLength(1);
    expect(items[0]!.source).toMatch(/20240902\.md$/);
    expect(getMeeting(db, id)!.actionItems.some((a) => a.owners.includes('zed'))).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 6 });
  });

  it('leaves the database as it was when a write fails, and the rest of a batch still imports', () => {
    importPaths(db, [join(minutes(), 'product-board')]);
    const before = snapshot(db);
    const record = parseFile('minutes/demo-weekly/20240902.md');
    // A status the schema refuses makes the insert fail halfway through the meeting's records.
    const broken = {
      ...record,
      actionItems: [...record.actionItems, { ...record.actionItems[0]!, status: 'maybe' as never }],
    };
    expect(() => writeMeeting(db, { record: broken, contentHash: 'x', body: '' })).toThrow(/CHECK constraint/);
    expect(snapshot(db)).toBe(before);

    mkdirSync(join(minutes(), 'bad'));
    writeFileSync(join(minutes(), 'bad', 'empty.md'), '  \n');
    writeFileSync(join(minutes(), 'bad', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0x00]));
    const summary = importPaths(db, [minutes()]);
    expect(summary.imported).toBe(5);
    expect(summary.failed).toEqual([
      { source: expect.stringMatching(/bad\/binary\.md$/), error: expect.stringMatching(/binary/) },
      { source: expect.stringMatching(/bad\/empty\.md$/), error: expect.stringMatching(/empty/) },
    ]);
  });

  it('answers the queries the CLI and API are built on', () => {
    importPaths(db, [minutes()]);
    const open = listActionItems(db, { owner: '@Chen' });
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.every((a) => a.owners.includes('chen') && a.status === 'open')).toBe(true);
    const dates = open.items.map((a) => a.firstRaised);
    expect(dates).toEqual([...dates].sort());

    // A name learned from "Dora Lind (@dora)" finds the items owned by @dora.
    expect(listActionItems(db, { owner: 'Dora Lind', status: 'all' }).total).toBe(
      listActionItems(db, { owner: 'dora', status: 'all' }).total,
    );

    // People count items, like the owners list, not mentions.
    const people = listPeople(db);
    expect(people.find((p) => p.id === 'chen')).toMatchObject({ open: open.total });

    const owners = listOwners(db, { limit: 100 }).items;
    const chen = owners.find((o) => o.owner === 'chen')!;
    expect(chen.open).toBe(open.total);
    expect(chen.done).toBe(listActionItems(db, { owner: 'chen', status: 'done' }).total);

    // Each item once: the benchmark Chen was asked for in four meetings is one item, done.
    const benchmark = listActionItems(db, { owner: 'chen', status: 'all' }).items.filter((a) =>
      a.text.includes('benchmark the new storage backend'),
    );
    expect(benchmark).toHaveLength(1);
    expect(benchmark[0]).toMatchObject({
      status: 'done',
      meetings: 4,
      firstRaised: '2024-09-02',
      lastMentioned: '2024-09-23',
    });

    const decisions = listDecisions(db, { series: 'demo-weekly', from: '2024-09-20' });
    expect(decisions.items.every((d) => d.series === 'demo-weekly' && d.date! >= '2024-09-20')).toBe(true);

    const hits = search(db, { q: 'keycloak' });
    expect(hits.items.map((h) => h.type)).toEqual(expect.arrayContaining(['decision', 'action', 'meeting']));
    expect(hits.items.every((h) => h.snippet.includes('«'))).toBe(true);
    expect(search(db, { q: 'keycloak', type: 'decision' }).items.every((h) => h.type === 'decision')).toBe(true);
    expect(search(db, { q: 'AND NEAR( "unbalanced * -' }).total).toBe(0);
  });

  it('imports with parse workers into the same database as on one thread, bad files failing alone', async () => {
    mkdirSync(join(minutes(), 'bad'));
    writeFileSync(join(minutes(), 'bad', 'empty.md'), '  \n');
    writeFileSync(join(minutes(), 'bad', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0x00]));
    const one = importPaths(db, [minutes()]);
    const { dir, remove } = tempDir();
    const other = openDatabase(join(dir, 'parallel.db'));
    try {
      const seen: number[] = [];
      const parallel = await importPathsInParallel(other, [minutes()], {
        workers: 2,
        minFiles: 0,
        onFile: (done) => seen.push(done),
      });
      expect(parallel).toEqual(one);
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(snapshot(other, { withImportTime: false })).toBe(snapshot(db, { withImportTime: false }));
      // Nothing changed: nothing is parsed again, with or without workers.
      expect(await importPathsInParallel(other, [minutes()], { workers: 2, minFiles: 0 })).toMatchObject({
        imported: 0,
        unchanged: 6,
        failed: [{}, {}],
      });
    } finally {
      other.close();
      remove();
    }
  });

  it('parses on the writing thread the files of a worker that runs out of memory', () => {
    // The heap limit is read when the module loads, so the import runs in a child on the built code.
    const code = `
      import { openDatabase } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/store/database.js')).href)};
      import { importPathsInParallel } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/import/import-files.js')).href)};
      const summary = await importPathsInParallel(openDatabase(':memory:'), [process.argv[1]], { workers: 2, minFiles: 0 });
      console.log(JSON.stringify(summary));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code, minutes()], {
      env: { ...process.env, MINUTES_WORKER_HEAP_MB: '2' },
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual(importPaths(db, [minutes()]));
  });

  it.skipIf(!HAS_CORPUS)('imports real series with parse workers into the same database as on one thread', async () => {
    const folders = ['sig-standardization', 'iaas'].map((f) => join(CORPUS, f));
    const one = importPaths(db, folders);
    const { dir, remove } = tempDir();
    const other = openDatabase(join(dir, 'parallel.db'));
    try {
      expect(await importPathsInParallel(other, folders, { workers: 2, minFiles: 0 })).toEqual(one);
      expect(one.imported).toBeGreaterThan(100);
      expect(snapshot(other, { withImportTime: false })).toBe(snapshot(db, { withImportTime: false }));
    } finally {
      other.close();
      remove();
    }
  });
});
