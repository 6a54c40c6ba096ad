import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importPaths } from '../../src/import/import-files.js';
import {
  applyChanges,
  ChangeQueue,
  isWatched,
  watchFolders,
  type Watch,
  type WatchOutcome,
} from '../../src/import/watch.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { getMeeting, listMeetings } from '../../src/store/meetings.js';
import { storedMeeting } from '../../src/store/write-meeting.js';
import { ROOT, tempDir } from '../helpers.js';

/** Minutes of one meeting of a team, with an action item whose words are its own. */
function minutesOf(date: string, task: string, extra = ''): string {
  return [
    `# Team sync ${date}`,
    '',
    '## Participants',
    '',
    '- @ann',
    '- @bob',
    '',
    '## Action items',
    '',
    `- [ ] @ann ${task}`,
    extra,
    '',
  ].join('\n');
}

/** What the database holds: source -> title, for the meetings of a folder. */
function meetings(db: DB): Map<string, string | null> {
  return new Map(listMeetings(db, { limit: 1000 }).items.map((m) => [m.source, m.title]));
}

const count = (db: DB, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

/** Wait (without asserting any timing) until the watch has brought the database to a state. */
const until = (check: () => void, timeout = 60_000) => vi.waitFor(check, { timeout, interval: 50 });

let dir: string;
let remove: () => void;
let db: DB;
let cwd: string;
beforeEach(() => {
  ({ dir, remove } = tempDir());
  db = openDatabase(join(dir, 'kb.db'));
  // Sources are paths as given, relative to where the watch runs, as for `minutes import`.
  cwd = process.cwd();
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(cwd);
  db.close();
  remove();
});

describe('which files a watch takes', () => {
  it('takes .md files below the folder, as the import of the folder would', () => {
    const folders = ['team'];
    expect(isWatched(folders, 'team/20240902.md', true)).toBe(true);
    expect(isWatched(folders, 'team/2024/q3/20240902.MD', true)).toBe(true);
    expect(isWatched(folders, 'team/sub/README.md', true)).toBe(true);
    expect(isWatched(folders, 'team/README.md', true)).toBe(false);
    expect(isWatched(folders, 'team/notes.txt', true)).toBe(false);
    expect(isWatched(folders, 'team/20240902.md.tmp', true)).toBe(false);
    expect(isWatched(folders, 'team/.git/x.md', true)).toBe(false);
    expect(isWatched(folders, 'team/.git', false)).toBe(false);
    expect(isWatched(folders, 'team/node_modules/x.md', true)).toBe(false);
    expect(isWatched(folders, 'team/2024', false)).toBe(true);
    expect(isWatched(folders, 'team/2024', undefined)).toBe(true);
    expect(isWatched(folders, 'other/20240902.md', true)).toBe(false);
  });
});

describe('a batch of changes', () => {
  it('imports the files that are there, removes the meetings of the gone ones, relinks their series', async () => {
    mkdirSync('team');
    writeFileSync('team/20240902.md', minutesOf('2024-09-02', 'send the slides'));
    writeFileSync('team/20240909.md', minutesOf('2024-09-09', 'book the room'));
    importPaths(db, ['team']);
    expect(count(db, 'SELECT count(*) AS n FROM tracked_items WHERE series = ?', 'team')).toBe(2);

    unlinkSync('team/20240909.md');
    writeFileSync('team/20240916.md', minutesOf('2024-09-16', 'order the pizza'));
    const outcomes = await applyChanges(db, ['team/20240909.md', 'team/20240916.md', 'team/never-there.md'], {
      workers: 0,
    });
    expect(outcomes.map((o) => [o.source, o.outcome]).sort()).toEqual([
      ['team/20240909.md', 'removed'],
      ['team/20240916.md', 'imported'],
    ]);
    expect([...meetings(db).keys()].sort()).toEqual(['team/20240902.md', 'team/20240916.md']);
    // The removed meeting's item is no longer tracked; the others are.
    const items = db.prepare('SELECT text FROM tracked_items WHERE series = ? ORDER BY text').all('team') as {
      text: string;
    }[];
    expect(items.map((i) => i.text)).toEqual(['@ann order the pizza', '@ann send the slides']);
    expect(count(db, 'SELECT count(*) AS n FROM search_docs WHERE meeting_id NOT IN (SELECT id FROM meetings)')).toBe(
      0,
    );
  });

  it('counts a file removed mid-import as gone: the rest of the batch imports, and its meeting leaves', async () => {
    mkdirSync('team');
    const sources = Array.from({ length: 20 }, (_, i) => `team/2024-10-${String(i + 1).padStart(2, '0')}.md`);
    sources.forEach((s, i) => writeFileSync(s, minutesOf(s.slice(5, 15), `task number ${i}`)));
    importPaths(db, [sources[12]!]);
    // While the import writes the 3rd file, the 6th and the 13th (imported before) are deleted.
    const outcomes = await applyChanges(db, sources, {
      workers: 0,
      onFile: (done) => {
        if (done === 3) [sources[5]!, sources[12]!].forEach((s) => unlinkSync(s));
      },
    });
    const left = sources.filter((_, i) => i !== 5 && i !== 12);
    expect([...meetings(db).keys()].sort()).toEqual(left);
    expect(outcomes.filter((o) => o.outcome === 'failed')).toEqual([]);
    expect(outcomes.find((o) => o.source === sources[12])).toMatchObject({ outcome: 'removed' });
    expect(
      outcomes
        .filter((o) => o.outcome === 'imported')
        .map((o) => o.source)
        .sort(),
    ).toEqual(left);
  });
});

describe('a folder that appeared or went', () => {
  it('is looked into: its files are imported, and the meetings under a folder that went are removed', async () => {
    mkdirSync('team/old', { recursive: true });
    writeFileSync('team/old/20240902.md', minutesOf('2024-09-02', 'send the slides'));
    importPaths(db, ['team']);
    rmSync('team/old', { recursive: true });
    // A checkout wrote a folder with no event for its files (they came before it was watched).
    mkdirSync('team/new/sub', { recursive: true });
    writeFileSync('team/new/20240909.md', minutesOf('2024-09-09', 'book the room'));
    writeFileSync('team/new/sub/20240916.md', minutesOf('2024-09-16', 'order the pizza'));
    const outcomes = await applyChanges(db, [], { workers: 0 }, ['team/old', 'team/new']);
    expect(outcomes.map((o) => [o.source, o.outcome]).sort()).toEqual([
      ['team/new/20240909.md', 'imported'],
      ['team/new/sub/20240916.md', 'imported'],
      ['team/old/20240902.md', 'removed'],
    ]);
    expect([...meetings(db).keys()].sort()).toEqual(['team/new/20240909.md', 'team/new/sub/20240916.md']);
  });
});

describe('the change queue', () => {
  afterEach(() => vi.useRealTimers());

  it('takes a burst as one batch, changes seen while a batch runs as the next; never two at once', async () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    let running = 0;
    let overlapped = false;
    let finish: () => void = () => {};
    const queue = new ChangeQueue(
      async (batch) => {
        overlapped ||= running > 0;
        running++;
        batches.push([...batch.keys()]);
        await new Promise<void>((resolve) => (finish = resolve));
        running--;
      },
      250,
      5000,
    );
    for (let i = 0; i < 1000; i++) queue.add(`a/${i}.md`);
    queue.add('a/0.md'); // a file changed twice is in the batch once
    await vi.advanceTimersByTimeAsync(300);
    expect(batches.map((b) => b.length)).toEqual([1000]);
    queue.add('b.md');
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toHaveLength(1); // waits for the running batch
    finish();
    await vi.advanceTimersByTimeAsync(300);
    expect(batches[1]).toEqual(['b.md']);
    finish();
    await queue.close();
    expect(overlapped).toBe(false);
  });

  it('imports a folder that never goes quiet at the latest after the longest wait', async () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    const queue = new ChangeQueue(async (batch) => void batches.push([...batch.keys()]), 250, 2000);
    for (let i = 0; i < 30; i++) {
      queue.add(`${i}.md`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(batches.length).toBeGreaterThanOrEqual(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(batches.flat()).toHaveLength(30);
    await queue.close();
  });
});

describe('watching a folder', () => {
  let watch: Watch | null = null;
  const seen: WatchOutcome[] = [];
  const errors: Error[] = [];
  const start = (folders: string[]) => {
    seen.length = 0;
    errors.length = 0;
    watch = watchFolders(db, folders, {
      workers: 0,
      quietMs: 100,
      onChange: (o) => seen.push(o),
      onError: (e) => errors.push(e),
    });
    return watch.ready;
  };
  afterEach(async () => {
    await watch?.close();
    watch = null;
  });

  it(
    'catches up, then imports what is created, changed, saved by rename, and removed',
    { timeout: 120_000 },
    async () => {
      mkdirSync('team');
      writeFileSync('team/20240902.md', minutesOf('2024-09-02', 'send the slides'));
      writeFileSync('team/20240826.md', minutesOf('2024-08-26', 'gone while nobody watched'));
      importPaths(db, ['team']);
      unlinkSync('team/20240826.md');

      const { summary, removed } = await start(['team']);
      expect(summary).toMatchObject({ unchanged: 1, failed: [] });
      expect(removed.map((r) => r.source)).toEqual(['team/20240826.md']);
      expect([...meetings(db).keys()]).toEqual(['team/20240902.md']);

      // Created.
      writeFileSync('team/20240909.md', minutesOf('2024-09-09', 'book the room'));
      await until(() => expect(meetings(db).get('team/20240909.md')).toBe('Team sync 2024-09-09'));
      const id = storedMeeting(db, 'team/20240909.md')!.id;

      // Changed in place.
      writeFileSync('team/20240909.md', minutesOf('2024-09-09', 'book the room', '- [ ] @bob bring the projector'));
      await until(() => expect(getMeeting(db, id)!.actionItems.map((a) => a.owners)).toEqual([['ann'], ['bob']]));

      // Saved as editors do: written to a temporary file, renamed over the minutes.
      writeFileSync('team/20240909.md.tmp', minutesOf('2024-09-09', 'book the big room'));
      renameSync('team/20240909.md.tmp', 'team/20240909.md');
      await until(() => expect(getMeeting(db, id)!.actionItems.map((a) => a.text)).toEqual(['@ann book the big room']));
      expect(storedMeeting(db, 'team/20240909.md')!.id).toBe(id); // replaced, not a new meeting

      // Removed: the meeting leaves, and its series is linked again.
      unlinkSync('team/20240909.md');
      await until(() => expect([...meetings(db).keys()]).toEqual(['team/20240902.md']));
      expect(count(db, 'SELECT count(*) AS n FROM tracked_items WHERE series = ?', 'team')).toBe(1);

      // A file in a new folder (a checkout makes folders too), and a non-minutes file beside it.
      mkdirSync('team/2024-q4');
      writeFileSync('team/2024-q4/20241007.md', minutesOf('2024-10-07', 'plan the offsite'));
      writeFileSync('team/2024-q4/notes.txt', 'not minutes');
      await until(() => expect(meetings(db).has('team/2024-q4/20241007.md')).toBe(true));

      expect(seen.some((o) => o.source.endsWith('.tmp') || o.source.endsWith('.txt'))).toBe(false);
      expect(seen.filter((o) => o.source === 'team/20240909.md').at(-1)).toMatchObject({
        outcome: 'removed',
        meetingId: id,
      });
      expect(errors).toEqual([]);
    },
  );

  it(
    'imports a burst of 1,000 files (a checkout of a branch), and removes them when they go',
    { timeout: 180_000 },
    async () => {
      mkdirSync('team');
      await start(['team']);
      const names = Array.from({ length: 1000 }, (_, i) => `team/burst/${String(i).padStart(4, '0')}.md`);
      mkdirSync('team/burst');
      names.forEach((name, i) =>
        writeFileSync(name, `# Meeting ${i}\n\nDate: 2024-01-01\n\n## Participants\n\n- @ann\n\nTopic ${i}.\n`),
      );
      await until(() => expect(meetings(db).size).toBe(1000), 150_000);
      expect([...meetings(db).keys()].sort()).toEqual(names);
      expect(seen.filter((o) => o.outcome === 'imported')).toHaveLength(1000);

      rmSync('team/burst', { recursive: true });
      await until(() => expect(meetings(db).size).toBe(0), 150_000);
      expect(seen.filter((o) => o.outcome === 'removed')).toHaveLength(1000);
      expect(errors).toEqual([]);
    },
  );

  it('names a folder that is not there', () => {
    expect(() => watchFolders(db, ['nowhere'], { workers: 0, onChange: () => {}, onError: () => {} })).toThrow(
      /nowhere: no such folder/,
    );
  });
});

describe('minutes watch', () => {
  it(
    'prints the catch-up and one JSON line per change, and stops cleanly on SIGTERM',
    { timeout: 60_000 },
    async () => {
      mkdirSync('team');
      writeFileSync('team/20240902.md', minutesOf('2024-09-02', 'send the slides'));
      const bin = join(ROOT, 'dist', 'cli', 'main.js');
      const child = spawn(process.execPath, [bin, 'watch', 'team', '--json', '--debounce', '50', '--db', 'cli.db'], {
        cwd: dir,
      });
      const lines: Record<string, unknown>[] = [];
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        lines.push(...parts.map((l) => JSON.parse(l) as Record<string, unknown>));
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await until(() => expect(lines[0]).toMatchObject({ event: 'ready', watching: ['team'], imported: 1 }));
      writeFileSync('team/20240909.md', minutesOf('2024-09-09', 'book the room'));
      await until(() =>
        expect(lines).toContainEqual(
          expect.objectContaining({ event: 'change', source: 'team/20240909.md', outcome: 'imported', series: 'team' }),
        ),
      );
      unlinkSync('team/20240902.md');
      await until(() =>
        expect(lines).toContainEqual(
          expect.objectContaining({ event: 'change', source: 'team/20240902.md', outcome: 'removed' }),
        ),
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(join(dir, 'cli.db-wal'))).toBe(false); // the database was closed
    },
  );
});

describe('minutes serve --watch', () => {
  it('serves what the watched folder holds as it changes, and stops cleanly', { timeout: 60_000 }, async () => {
    mkdirSync('team');
    writeFileSync('team/20240902.md', minutesOf('2024-09-02', 'send the slides'));
    const bin = join(ROOT, 'dist', 'cli', 'main.js');
    const args = ['serve', '--port', '0', '--watch', 'team', '--db', 'served.db', '--json'];
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const sources = async (url: string) => {
      const page = (await (await fetch(`${url}/api/meetings`)).json()) as { items: { source: string }[] };
      return page.items.map((m) => m.source).sort();
    };
    // The database did not exist: --watch creates it, as the catch-up imports the folder.
    await until(() => expect(out).toMatch(/"event":"ready"/));
    const { url } = JSON.parse(out.split('\n').find((l) => l.includes('"url"'))!) as { url: string };
    expect(await sources(url)).toEqual(['team/20240902.md']);
    writeFileSync('team/20240909.md', minutesOf('2024-09-09', 'book the room'));
    unlinkSync('team/20240902.md');
    await vi.waitFor(async () => expect(await sources(url)).toEqual(['team/20240909.md']), {
      timeout: 30_000,
      interval: 100,
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
