import { findMarkdownFiles } from '../../src/import/find-files.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { openDatabase } from '../../src/store/database.js';
import { CORPUS, EXAMPLE, HAS_CORPUS, ROOT, tempDir } from '../helpers.js';

// The built CLI, as `npm run minutes` runs it (`npm test` builds it first).
const BIN = join(ROOT, 'dist', 'cli', 'main.js');

function minutes(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let remove: () => void;
let db: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  ({ dir, remove } = tempDir());
  db = join(dir, 'cli.db');
});
afterAll(() => remove());

describe('minutes parse', () => {
  it('prints one JSON record per file in the order given, and exits 1 if any failed', () => {
    const { code, stdout } = minutes([
      'parse',
      '--json',
      'minutes/demo-weekly/20240909.md',
      'no/such/file.md',
      EXAMPLE,
    ]);
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.source)).toEqual(['minutes/demo-weekly/20240909.md', 'no/such/file.md', EXAMPLE]);
    expect(lines[1]).toEqual({ source: 'no/such/file.md', error: expect.stringMatching(/no such file/) });
    expect(lines[2]).toMatchObject({ date: '2024-07-15', series: 'product-board' });
  });

  it('describes a file in text', () => {
    const { code, stdout } = minutes(['parse', EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[open\] b1, dnation: Needs testing in CSO/);
  });
});

describe('minutes import, ais, search', () => {
  it('imports, then reports unchanged files', () => {
    const first = minutes(['import', 'minutes', '--db', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 6, unchanged: 0, failed: [] });
    const again = minutes(['import', 'minutes'], { MINUTES_DB: db });
    expect(again.stdout).toMatch(/0 imported, 0 replaced, 6 unchanged, 0 failed/);
  });

  it('fails clearly on a missing path', () => {
    const { code, stderr } = minutes(['import', 'nowhere', '--db', db]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/nowhere: no such file or folder/);
  });

  it('lists open action items of an owner with date, file and line', () => {
    const { code, stdout } = minutes(['ais', '--owner', 'emil', '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ai-[0-9a-f]{10} {2}\[live\] {2}emil {2}raised 2024-09-23, last 2024-09-30, 2 meetings$/m);
    expect(stdout).toMatch(
      /^ {4}minutes\/demo-weekly\/20240923\.md:\d+ {2}\.\. {2}minutes\/demo-weekly\/20240930\.md:\d+$/m,
    );
    const json = JSON.parse(
      minutes(['ais', '--owner', 'emil', '--status', 'all', '--series', 'demo-weekly', '--json', '--db', db]).stdout,
    );
    expect(json.items.map((a: { status: string }) => a.status)).toEqual(expect.arrayContaining(['open', 'done']));
  });

  it('gives the same search results as the API', async () => {
    const reader = openDatabase(db);
    const app = await buildServer({ db: reader });
    for (const q of [
      'keycloak',
      'owner:chen is:open',
      'type:decision after:2024-09-10',
      '"release notes" draft',
      'NEAR( "x',
    ]) {
      const cli = JSON.parse(minutes(['search', q, '--limit', '50', '--json', '--db', db]).stdout);
      const api = (await app.inject({ method: 'GET', url: `/api/search?limit=50&q=${encodeURIComponent(q)}` })).json();
      expect(cli, q).toEqual(api);
    }
    await app.close();
    reader.close();
  });

  it('searches, with the same results as JSON', () => {
    const text = minutes(['search', 'keycloak', '--type', 'decision', '--db', db]);
    // A hit: its kind and meeting (title, series, date), its snippet, then its topic and source line.
    expect(text.stdout).toMatch(/^reading: decisions · about: keycloak$/m);
    expect(text.stdout).toMatch(/^decision +[^/]*2024-\d\d-\d\d[^/]*$/m);
    expect(text.stdout).toMatch(/^ {4}(?:topic: .* · )?minutes\/demo-weekly\/\d+\.md:\d+$/m);
    const json = JSON.parse(minutes(['search', 'keycloak', '--json', '--db', db]).stdout);
    expect(json.total).toBeGreaterThan(0);
  });

  it('says what is wrong instead of a stack trace: a missing database, a malformed alias file', () => {
    const missing = minutes(['ais', '--db', join(dir, 'typo.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `minutes: no database at ${join(dir, 'typo.db')}: import minutes first (minutes import PATH)\n`,
    );
    const aliases = join(dir, 'broken-people.yaml');
    writeFileSync(aliases, 'garloff: [unclosed\n');
    const broken = minutes(['ais', '--db', db], { MINUTES_ALIASES: aliases });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^minutes: ${aliases}: not valid YAML`));
    expect(minutes(['ais', '--offset', '100000000000000000000', '--db', db]).stderr).toMatch(/whole number/);
  });

  it('refuses an empty --db or MINUTES_DB instead of importing into a database that vanishes', () => {
    const option = minutes(['import', 'minutes', '--db', '']);
    expect(option.code).toBe(1);
    expect(option.stderr).toBe('minutes: --db is empty: give the path of a database file\n');
    const env = minutes(['import', 'minutes'], { MINUTES_DB: '' });
    expect(env.code).toBe(1);
    expect(env.stderr).toMatch(/^minutes: MINUTES_DB is set but empty/);
    expect(env.stdout).not.toMatch(/imported/);
  });

  it.skipIf(!existsSync('/dev/zero'))('holds the size limit for a device that never ends', () => {
    const zero = minutes(['parse', '/dev/zero']);
    expect(zero.code).toBe(1);
    expect(zero.stdout + zero.stderr).toMatch(/\/dev\/zero: error: more than \d+ bytes, over the limit/);
  });

  it('will not serve a database that is not there unless told to create it', () => {
    const typo = join(dir, 'typo-folder', 'x.db');
    const served = minutes(['serve', '--db', typo, '--port', '0']);
    expect(served.code).toBe(1);
    expect(served.stderr).toBe(
      `minutes: no database at ${typo}: import minutes first (minutes import PATH), or pass --create to serve an empty one\n`,
    );
    expect(existsSync(join(dir, 'typo-folder'))).toBe(false);
  });

  it('refuses bad options with a message', () => {
    const status = minutes(['ais', '--status', 'maybe', '--db', db]);
    expect(status.code).not.toBe(0);
    expect(status.stderr).toMatch(/--status.*maybe/s);
    const date = minutes(['search', 'x', '--from', 'yesterday', '--db', db]);
    expect(date.stderr).toMatch(/YYYY-MM-DD/);
  });
});

/**
 * The modules a command loads, as resolved by Node's module hooks (register(), in the child):
 * each `minutes` command loads what it runs, so that one that only reads starts quickly.
 */
function modulesLoaded(args: string[]): string[] {
  const log = join(dir, `loaded-${args[0]}.txt`);
  const hooks = `import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) { const r = await next(specifier, context); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }`;
  const register = `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));`;
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, BIN, ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n');
}

describe('what a command loads', () => {
  const heavy = /chrono-node|micromark|remark-parse|fastify/;

  it('search, ais and help load neither the parser nor the web server', () => {
    for (const args of [['search', 'keycloak', '--db', db, '--json'], ['ais', '--db', db, '--json'], ['--help']]) {
      const loaded = modulesLoaded(args);
      expect(loaded.some((url) => url.endsWith('/dist/cli/commands/search.js'))).toBe(true);
      expect(loaded.filter((url) => heavy.test(url))).toEqual([]);
    }
  });

  it('parse loads the parser, with the English dates of chrono-node only', () => {
    const loaded = modulesLoaded(['parse', EXAMPLE, '--json']);
    expect(loaded.some((url) => /micromark/.test(url))).toBe(true);
    expect(loaded.some((url) => /chrono-node\/dist\/esm\/locales\/en\//.test(url))).toBe(true);
    expect(loaded.filter((url) => /chrono-node\/dist\/esm\/locales\/(?!en\/)/.test(url))).toEqual([]);
  });
});

describe('minutes export', () => {
  it('writes the same CSV as the API, JSON rows, and a calendar file', async () => {
    const csv = minutes(['export', '--format', 'csv', '--status', 'open', '--series', 'demo-weekly', '--db', db]);
    expect(csv.code).toBe(0);
    const store = openDatabase(db);
    const app = await buildServer({ db: store });
    const api = await app.inject({ method: 'GET', url: '/api/action-items.csv?status=open&series=demo-weekly' });
    const decisions = await app.inject({ method: 'GET', url: '/api/decisions.csv?attendee=fritz' });
    const decisionsJson = (
      await app.inject({ method: 'GET', url: '/api/decisions?series=demo-weekly&limit=1000' })
    ).json();
    await app.close();
    store.close();
    expect(csv.stdout).toBe(api.body);
    expect(
      minutes(['export', '--type', 'decisions', '--format', 'csv', '--attendee', 'fritz', '--db', db]).stdout,
    ).toBe(decisions.body);
    const rows = JSON.parse(
      minutes(['export', '--json', '--type', 'decisions', '--series', 'demo-weekly', '--db', db]).stdout,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(decisionsJson.items);
    const out = join(dir, 'open.ics');
    const ics = minutes(['export', '--format', 'ics', '--status', 'open', '--out', out, '--db', db]);
    expect(ics.code).toBe(0);
    expect(ics.stderr).toMatch(/^1 action item written to .*open\.ics \(ics\)$/m);
    expect(readFileSync(out, 'utf8')).toMatch(
      /^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VTODO\r\n[\s\S]*DUE;VALUE=DATE:\d{8}\r\n/,
    );
    const wrong = minutes(['export', '--type', 'meetings', '--format', 'ics', '--db', db]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--format ics exports action items only/);
  });
});

describe('minutes ai, carry, digest, report', () => {
  it('shows an item with its history, closes and reopens it by hand', () => {
    const items = JSON.parse(minutes(['ais', '--series', 'demo-weekly', '--json', '--db', db]).stdout).items;
    const id = items[0].id;
    const shown = minutes(['ai', 'show', id, '--db', db]);
    expect(shown.stdout).toMatch(new RegExp(`${id} {2}\\[live[\\],]`));
    expect(shown.stdout).toMatch(/history:\n {4}2024-09-\d\d {2}minutes\/demo-weekly\//);
    expect(
      JSON.parse(minutes(['ai', 'close', id, '--note', 'done in chat', '--json', '--db', db]).stdout),
    ).toMatchObject({ status: 'done' });
    expect(minutes(['ai', 'show', id, '--db', db]).stdout).toMatch(/by hand {2}\[done\] {2}done in chat/);
    expect(JSON.parse(minutes(['ai', 'reopen', id, '--json', '--db', db]).stdout).status).toBe('open');
    const missing = minutes(['ai', 'close', 'ai-0000000000', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no action item ai-0000000000/);
  });

  it('prints the carry-over block, the digest of the last meeting and a report per owner', () => {
    const carry = minutes(['carry', '--series', 'demo-weekly', '--db', db]).stdout;
    expect(carry).toMatch(
      /^## Check AIs from last time\n\n- _AI @emil: add alert rules for the new storage backend_ \(raised 2024-09-23, ai-[0-9a-f]{10}\)$/m,
    );
    expect(carry).not.toContain('benchmark the new storage backend');
    const before = minutes(['carry', '--series', 'demo-weekly', '--date', '2024-09-30', '--db', db]).stdout;
    expect(before).not.toContain('prepare the runbook');
    const digest = minutes(['digest', '--series', 'demo-weekly', '--db', db]).stdout;
    expect(digest).toMatch(/^# demo-weekly: since 2024-09-30$/m);
    expect(digest).toMatch(/## Closed\n\n- @chen: write the operator documentation/);
    expect(digest).toMatch(/## Decided\n\n- Decision: go for the R7 rollout/);
    const since = minutes(['digest', '--series', 'demo-weekly', '--since', '2024-09-16', '--json', '--db', db]);
    expect(JSON.parse(since.stdout).meetings).toHaveLength(3);
    const report = minutes(['report', '--owner', 'emil', '--db', db]).stdout;
    expect(report).toMatch(
      /^# Open action items of emil\n\n1 live, 0 stale, 0 overdue as of 2024-09-30; overdue first, then oldest first\.\n\n- add alert rules for the new storage backend \(demo-weekly, raised 2024-09-23, carried through 2 meetings until 2024-09-30; \[minutes\/demo-weekly\/20240923\.md:\d+\]/,
    );
  });
});

describe('minutes people and lint', () => {
  it('learns names from participant lists, takes aliases from the alias file, and filters owners by any of them', () => {
    const aliases = join(dir, 'people.yaml');
    const env = { MINUTES_ALIASES: aliases, MINUTES_DB: db };
    minutes(['import', 'minutes'], env);
    const added = minutes(['people', 'alias', 'Chen Wei', 'chen', '--json'], env);
    expect(JSON.parse(added.stdout).aliases).toEqual({ 'chen wei': 'chen' });
    const people = JSON.parse(minutes(['people', '--json'], env).stdout);
    expect(people.find((p: { id: string }) => p.id === 'chen')).toMatchObject({
      aliases: ['chen wei'],
      open: expect.any(Number),
    });
    expect(people.find((p: { id: string }) => p.id === 'dora')).toMatchObject({ name: 'Dora Lind' });
    const byAlias = JSON.parse(minutes(['ais', '--owner', 'Chen Wei', '--json'], env).stdout);
    const byHandle = JSON.parse(minutes(['ais', '--owner', 'chen', '--json'], env).stdout);
    expect(byAlias.total).toBe(byHandle.total);
    expect(byAlias.total).toBeGreaterThan(0);
  });

  it('prints what to fix as file:line: message, and exits 1 when there is something', () => {
    const { dir: lintDir, remove: removeLint } = tempDir();
    const file = join(lintDir, 'notes.md');
    writeFileSync(
      file,
      [
        '# Notes',
        '## Participants',
        '- @ann',
        '## Topic',
        '- AI @ann: fine',
        '- AI @zed: who is zed',
        '- TODO: nobody owns this',
        '- @ann to send the slides',
      ].join('\n'),
    );
    const { code, stdout } = minutes(['lint', file, '--db', join(lintDir, 'none.db')]);
    removeLint();
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:1: no meeting date found`);
    expect(stdout).toContain(`${file}:6: unknown owner "zed"`);
    expect(stdout).toContain(`${file}:7: action item has no owner`);
    expect(stdout).toContain(`${file}:8: looks like an action item but has no marker`);
    expect(stdout).not.toContain(`${file}:5:`);
    expect(minutes(['lint', 'minutes/demo-weekly/20240902.md', '--db', db]).code).toBe(1);
  });
});

describe.skipIf(!HAS_CORPUS)('the shared corpus', () => {
  it('imports all of ../shared/corpus/scs with zero failures, and answers the questions users ask', () => {
    const corpusDb = join(dir, 'corpus.db');
    const imported = minutes(['import', CORPUS, '--db', corpusDb, '--json']);
    const summary = JSON.parse(imported.stdout);
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toBe(findMarkdownFiles([CORPUS]).length);
    expect(imported.code).toBe(0);

    const garloff = JSON.parse(
      minutes(['ais', '--owner', 'garloff', '--status', 'open', '--stale', '--json', '--db', corpusDb]).stdout,
    );
    expect(garloff.total).toBeGreaterThan(20);
    for (const item of garloff.items) {
      expect(item.owners).toContain('garloff');
      expect(item).toMatchObject({
        status: 'open',
        firstRaised: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        source: expect.any(String),
        line: expect.any(Number),
      });
    }
    const keycloak = JSON.parse(minutes(['search', 'keycloak', '--limit', '100', '--json', '--db', corpusDb]).stdout);
    expect(keycloak.items.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['decision', 'action']));
  });
});
