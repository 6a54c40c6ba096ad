import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { getMeeting, listMeetings } from '../../src/store/meetings.js';
import { ROOT, tempDir } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const GOOD = '# 2024-07-15\n## Participants\n- @a\n## Topic\n- AI @a: do it\n';

/** Everything a failing file could have touched. */
const snapshot = (db: DB) =>
  JSON.stringify(
    ['meetings', 'action_items', 'decisions', 'participants', 'people', 'tracked_items', 'search_docs'].map((t) =>
      db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
    ),
  );

let dir: string;
let remove: () => void;
beforeAll(() => ({ dir, remove } = tempDir()));
afterAll(() => remove());

describe('bad files on import: a clear error, the database as it was, the rest of the batch imported', () => {
  it.each([
    ['empty.md', Buffer.from(''), /empty file/],
    ['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), /binary data/],
    ['deep.md', Buffer.from(`# 2024-07-15\n${'> '.repeat(10_000)}x`), /nested more than 100 levels/],
    ['deep-list.md', Buffer.from(`# 2024-07-15\n${'- '.repeat(10_000)}x`), /nested more than 100 levels/],
  ])('%s', (name, bytes, error) => {
    const folder = join(dir, `batch-${name}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-good.md'), GOOD);
    const db = openDatabase(join(dir, `${name}.db`));
    importPaths(db, [join(folder, 'a-good.md')]);
    const before = snapshot(db);
    writeFileSync(join(folder, name), bytes);
    const summary = importPaths(db, [join(folder, name)]);
    expect(summary.failed).toEqual([{ source: join(folder, name), error: expect.stringMatching(error) }]);
    expect(snapshot(db)).toBe(before);
    writeFileSync(join(folder, 'z-good.md'), GOOD.replace('do it', 'do more'));
    expect(importPaths(db, [folder])).toMatchObject({
      imported: 1,
      unchanged: 1,
      failed: [{ source: join(folder, name) }],
    });
    db.close();
  });

  it('decodes invalid UTF-8 with replacement characters and a warning', () => {
    const db = openDatabase(':memory:');
    const file = join(dir, 'latin1.md');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('# 2024-07-15\n- AI @a: caf'), Buffer.from([0xe9]), Buffer.from(' order\n')]),
    );
    importPaths(db, [file]);
    const meeting = getMeeting(db, listMeetings(db).items[0]!.id)!;
    expect(meeting.actionItems[0]!.text).toBe('AI @a: caf\uFFFD order');
    expect(meeting.warnings[0]!.message).toMatch(/not valid UTF-8/);
    db.close();
  });

  it('refuses a file over the size limit, which MINUTES_MAX_BYTES sets', () => {
    const folder = join(dir, 'sizes');
    mkdirSync(folder);
    writeFileSync(join(folder, 'small.md'), GOOD);
    writeFileSync(join(folder, 'large.md'), `${GOOD}${'- more notes\n'.repeat(200)}`);
    const result = spawnSync(process.execPath, [BIN, 'import', folder, '--db', join(dir, 'sizes.db'), '--json'], {
      encoding: 'utf8',
      env: { ...process.env, MINUTES_MAX_BYTES: '1000' },
    });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      imported: 1,
      failed: [
        { source: expect.stringMatching(/large\.md$/), error: expect.stringMatching(/over the 1000-byte limit/) },
      ],
    });
  });

  it('takes a file named twice in one batch once', () => {
    const db = openDatabase(':memory:');
    const file = join(dir, 'twice.md');
    writeFileSync(file, GOOD);
    expect(importPaths(db, [file, join(dir, '.', 'twice.md'), `${dir}//twice.md`])).toMatchObject({
      imported: 1,
      unchanged: 0,
    });
    db.close();
  });
});

describe('bad input over HTTP: 4xx with { error, message }, the database as it was', () => {
  let db: DB;
  beforeAll(() => (db = openDatabase(':memory:')));
  afterAll(() => db.close());
  const post = async (source: string, body: string) => {
    const app = await buildServer({ db, token: 't', bodyLimit: 10_000 });
    const response = await app.inject({
      method: 'POST',
      url: `/api/meetings?source=${encodeURIComponent(source)}`,
      headers: { authorization: 'Bearer t', 'content-type': 'text/markdown' },
      body,
    });
    await app.close();
    return response;
  };

  it.each([
    ['../../etc/passwd.md', /"\.\."/],
    ['/etc/passwd.md', /relative path/],
    ['a\\b.md', /backslashes/],
    ['team/\u0007bell.md', /control characters/],
    ['x'.repeat(300) + '.md', /longer than 255|must NOT have more than 255/],
    ['team//x.md', /empty/],
    ['notes.exe', /end in "\.md"/],
  ])('source %j', async (source, message) => {
    const before = snapshot(db);
    const response = await post(source, GOOD);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'Bad Request', message: expect.stringMatching(message) });
    expect(snapshot(db)).toBe(before);
  });

  it('a second file claiming the same source replaces the first, and bodies over the limit get 413', async () => {
    expect((await post('team/20240715.md', GOOD)).statusCode).toBe(201);
    const second = await post('team/20240715.md', GOOD.replace('do it', 'do it differently'));
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      outcome: 'replaced',
      meeting: { actionItems: [{ text: 'AI @a: do it differently' }] },
    });
    expect(listMeetings(db).total).toBe(1);
    const big = await post('team/big.md', GOOD.repeat(1000));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ error: 'Payload Too Large', message: expect.any(String) });
  });
});
