import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { isFailed } from '../../src/parse/meeting-record.js';
import { parseMeeting } from '../../src/parse/parse-meeting.js';
import { openDatabase } from '../../src/store/database.js';
import { makeBatch } from '../../bench/batch.js';
import { ROOT, tempDir } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'cli', 'main.js');

function run(args: string[]): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

const count = (dbFile: string, table = 'meetings') => {
  if (!existsSync(dbFile)) return 0;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
};

let dir: string;
let remove: () => void;
let batch: string;
beforeAll(() => {
  ({ dir, remove } = tempDir());
  batch = makeBatch(dir, 160); // 800 files
});
afterAll(() => remove());

describe('faults', () => {
  it('survives SIGKILL in the middle of a large import: consistent, whole meetings, and a re-run completes', async () => {
    const dbFile = join(dir, 'killed.db');
    const { child, done } = run(['import', batch, '--db', dbFile]);
    const deadline = Date.now() + 20_000;
    while (count(dbFile) < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await done;
    const partial = count(dbFile);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(800);

    const db = new Database(dbFile);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every meeting present is whole: as many action items, decisions and participants as its file has.
    const meetings = db.prepare('SELECT id, source FROM meetings').all() as { id: number; source: string }[];
    const n = (table: string, id: number) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE meeting_id = ?`).get(id) as { n: number }).n;
    for (const m of meetings) {
      const record = parseMeeting(readFileSync(m.source, 'utf8'), m.source);
      if (isFailed(record)) throw new Error(record.error);
      expect([n('action_items', m.id), n('decisions', m.id), n('participants', m.id)], m.source).toEqual([
        record.actionItems.length,
        record.decisions.length,
        record.participants.length,
      ]);
    }
    db.close();

    const rerun = run(['import', batch, '--db', dbFile]);
    expect(await rerun.done).toBe(0);
    expect(count(dbFile)).toBe(800);
    const linked = new Database(dbFile, { readonly: true });
    expect(linked.prepare('SELECT count(*) AS n FROM action_items WHERE item_id IS NULL').get()).toEqual({ n: 0 });
    linked.close();
  });

  it('lets two imports run at once on one database while the server answers reads', async () => {
    const dbFile = join(dir, 'shared.db');
    openDatabase(dbFile).close();
    const reader = openDatabase(dbFile);
    const app = await buildServer({ db: reader });
    const first = run(['import', batch, '--db', dbFile]);
    const second = run(['import', batch, '--db', dbFile]);
    let reads = 0;
    let exited = 0;
    void first.done.then(() => exited++);
    void second.done.then(() => exited++);
    while (exited < 2) {
      const response = await app.inject({ method: 'GET', url: `/api/search?q=keycloak&limit=5&offset=${reads % 7}` });
      expect(response.statusCode).toBe(200);
      reads++;
      // Let the event loop see the children exit.
      await new Promise((r) => setTimeout(r, 20));
    }
    expect([await first.done, await second.done]).toEqual([0, 0]);
    expect(reads).toBeGreaterThan(5);
    expect(count(dbFile)).toBe(800);
    await app.close();
    reader.close();
  });

  it('shuts the server down cleanly on SIGTERM: in-flight requests finish, the database is closed', async () => {
    const dbFile = join(dir, 'serve.db');
    const importDone = run(['import', join(batch, 'team-000'), '--db', dbFile]);
    expect(await importDone.done).toBe(0);
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json', '--db', dbFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve) =>
      server.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()).url)),
    );
    const requests = Array.from({ length: 20 }, (_, i) =>
      fetch(`${url}/api/search?q=keycloak&offset=${i}`).then(
        (r) => r.status,
        () => 'refused',
      ),
    );
    await requests[0];
    server.kill('SIGTERM');
    const [statuses, code] = await Promise.all([
      Promise.all(requests),
      new Promise((resolve) => server.on('exit', resolve)),
    ]);
    expect(code).toBe(0);
    // Requests the server had taken finish with 200; ones arriving while it closes get a clean 503 or no connection.
    expect(statuses[0]).toBe(200);
    for (const status of statuses) expect([200, 503, 'refused']).toContain(status);
    // A cleanly closed database leaves no write-ahead log behind.
    expect(!existsSync(`${dbFile}-wal`) || statSync(`${dbFile}-wal`).size === 0).toBe(true);
  });

  it('serves from two worker processes on one port, and both stop on SIGTERM', async () => {
    const dbFile = join(dir, 'workers.db');
    expect(await run(['import', join(batch, 'team-000'), '--db', dbFile]).done).toBe(0);
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--workers', '2', '--json', '--db', dbFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ url: string; workers: number }>((resolve) =>
      server.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()))),
    );
    expect(started.workers).toBe(2);
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${started.url}/api/search?q=keycloak&offset=${i}`).then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    server.kill('SIGTERM');
    expect(await new Promise((resolve) => server.on('exit', resolve))).toBe(0);
    expect(!existsSync(`${dbFile}-wal`) || statSync(`${dbFile}-wal`).size === 0).toBe(true);
  });
});
