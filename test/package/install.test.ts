import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

/**
 * `npm pack`, then `npm install -g` of the tarball into a temporary prefix from an empty folder: the
 * `minutes` a user gets must import, list and serve (web page, schema migrations and all) with no
 * devDependencies and no build step. Slow (npm fetches every dependency, better-sqlite3 compiles):
 * tagged `package`, run by `npm test`; `npx vitest run --tags-filter='!package'` leaves it out.
 */

// npm run passes its settings on as npm_* variables (the project's prefix among them): not for this install.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))) as Record<
  string,
  string
>;

function npm(args: string[], cwd: string, timeout = 60_000) {
  return spawnSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv, timeout });
}

const DIST = join(ROOT, 'dist', 'cli', 'main.js');
const ONLINE = npm(['ping'], ROOT, 20_000).status === 0;
if (!ONLINE) console.warn('skipping the package install test: the npm registry cannot be reached (npm ping failed)');

const MINUTES = `---
series: team-sync
---
# Team sync 2024-07-15

## Participants
- @ann
- @bob

## Action items
- [ ] @ann prepare the release notes by 2024-07-20
- [x] @bob book the room

## Decisions
- Decision: we ship on Fridays
`;

describe.skipIf(!ONLINE)('the packed package, installed globally', { tags: ['package'] }, () => {
  let dir: string;
  let remove: () => void;
  let bin: string;

  beforeAll(() => {
    if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run build`);
    ({ dir, remove } = tempDir());
    const started = Date.now();
    // The dist that `npm test` has just built goes into the tarball as it is: packing must not need to build.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(dir, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
    const clean = join(dir, 'clean');
    mkdirSync(clean);
    // npm 11 runs a dependency's install script only when allowed: better-sqlite3 compiles its binding there.
    const args = [
      'install',
      '-g',
      '--prefix',
      join(dir, 'prefix'),
      '--allow-scripts=better-sqlite3',
      '--no-audit',
      '--no-fund',
      tarball,
    ];
    const install = npm(args, clean, 900_000);
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
    console.warn(`package test: npm pack and npm install -g took ${Math.round((Date.now() - started) / 1000)} s`);
    bin = join(dir, 'prefix', 'bin', 'minutes');
    mkdirSync(join(clean, 'notes', 'team'), { recursive: true });
    writeFileSync(join(clean, 'notes', 'team', '20240715.md'), MINUTES);
  }, 900_000);
  afterAll(() => remove?.());

  const minutes = (args: string[]) =>
    spawnSync(bin, args, { cwd: join(dir, 'clean'), encoding: 'utf8', env: cleanEnv });

  it('gives a `minutes` that imports a folder of minutes and lists its action items', () => {
    expect(existsSync(bin)).toBe(true);
    const imported = minutes(['import', 'notes', '--db', 'kb.db', '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      imported: 1,
      failed: [],
      series: [{ series: 'team-sync', meetings: 1 }],
    });
    const ais = minutes(['ais', '--db', 'kb.db', '--status', 'all', '--json']);
    expect(ais.status, ais.stderr).toBe(0);
    const items = (
      JSON.parse(ais.stdout) as { items: { owners: string[]; status: string; due: string | null; line: number }[] }
    ).items;
    expect(items.map((i) => [i.owners, i.status, i.due, i.line]).sort((a, b) => Number(a[3]) - Number(b[3]))).toEqual([
      [['ann'], 'open', '2024-07-20', 11],
      [['bob'], 'done', null, 12],
    ]);
    const tools = minutes(['mcp', '--tools', '--json']);
    expect(JSON.parse(tools.stdout).map((t: { name: string }) => t.name)).toContain('search');
  });

  it('serves the web page, its assets and the API', async () => {
    const server = spawn(bin, ['serve', '--db', 'kb.db', '--port', '0'], { cwd: join(dir, 'clean'), env: cleanEnv });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/[\d.]+:\d+/.exec(out);
          if (match) resolve(match[0]);
        });
        server.once('exit', (code) => reject(new Error(`minutes serve ended (${code}) before it listened: ${out}`)));
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const asset = /src="\/assets\/([^"]+)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      expect((await fetch(`${url}/assets/${asset}`)).status).toBe(200);
      const decisions = (await (await fetch(`${url}/api/decisions`)).json()) as { items: { text: string }[] };
      expect(decisions.items.map((d) => d.text)).toEqual(['Decision: we ship on Fridays']);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
