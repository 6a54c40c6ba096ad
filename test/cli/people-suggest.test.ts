import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'cli', 'main.js');

function minutes(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const list = (lines: string[]) => lines.map((l) => `- ${l}`).join('\n');
const meeting = (date: string, participants: string[], items: string[]) =>
  `# Ops ${date}\n\n## Participants\n\n${list(participants)}\n\n## Action items\n\n${list(items)}\n`;

describe('minutes people suggest', () => {
  let dir: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = tempDir();
    const ops = join(dir.dir, 'minutes', 'ops');
    mkdirSync(ops, { recursive: true });
    writeFileSync(
      join(ops, '20240902.md'),
      meeting('2024-09-02', ['@berendt', '@jschoone'], ['AI @berendt: update the image pipeline']),
    );
    writeFileSync(
      join(ops, '20240909.md'),
      meeting(
        '2024-09-09',
        ['@jschoone'],
        ['AI @berendet: ask the CSPs about flavors', 'TODO: document the flavor names'],
      ),
    );
    env = { MINUTES_DB: join(dir.dir, 'kb.db'), MINUTES_ALIASES: join(dir.dir, 'people.yaml') };
    expect(minutes(['import', join(dir.dir, 'minutes')], env).code).toBe(0);
  });
  afterAll(() => dir.remove());

  it('lists merges with their evidence, merges nothing until the alias command, then suggests it no more', () => {
    const suggested = JSON.parse(minutes(['people', 'suggest', '--json'], env).stdout);
    expect(suggested.items).toEqual([
      expect.objectContaining({
        alias: 'berendet',
        person: 'berendt',
        rule: 'near handles',
        evidence: expect.any(Array),
      }),
    ]);
    const text = minutes(['people', 'suggest'], env).stdout;
    expect(text).toMatch(/berendet -> berendt {2}\[near handles\]\n.*differ by 1 letter/);
    expect(text).toContain('accept: minutes people alias "berendet" berendt');
    // Suggesting changed nothing: the typo still owns its item.
    const before = JSON.parse(minutes(['ais', '--owner', 'berendt', '--json'], env).stdout);
    expect(before.total).toBe(1);
    expect(minutes(['people', 'alias', 'berendet', 'berendt'], env).code).toBe(0);
    const after = JSON.parse(minutes(['ais', '--owner', 'berendt', '--json'], env).stdout);
    expect(after.items.map((i: { owners: string[] }) => i.owners)).toEqual([['berendt'], ['berendt']]);
    expect(JSON.parse(minutes(['people', 'suggest', '--json'], env).stdout).items).toEqual([]);
  });

  it('lists items without an owner as owner none', () => {
    const none = JSON.parse(minutes(['ais', '--owner', 'none', '--json'], env).stdout);
    expect(none.items.map((i: { task: string; owners: string[] }) => [i.task, i.owners])).toEqual([
      ['document the flavor names', []],
    ]);
  });
});
