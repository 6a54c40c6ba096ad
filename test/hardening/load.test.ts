import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// The short, bounded form of `npm run bench:load` (2 s per phase instead of 30, on the sample minutes).
describe('load on 127.0.0.1', () => {
  it('answers 50 connections with no errors and no 5xx, also while 1,000 files import and while 8 clients send the costliest requests', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'load.ts'), '--seconds', '2', '--sample'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const { load } = JSON.parse(result.stdout.trim().split('\n').pop()!);
    for (const phase of [load.alone, load.duringImport]) {
      expect(phase).toMatchObject({ errors: 0, non2xx: 0, status5xx: 0 });
      expect(phase.requests).toBeGreaterThan(100);
    }
    expect(load.importExitCode).toBe(0);
    for (const phase of [load.adversarial.unlimited, load.adversarial.limited]) {
      expect(phase.normal).toMatchObject({ errors: 0 });
      expect(phase.normal.searches).toBeGreaterThan(0);
      expect(Object.keys(phase.adversaries).every((status) => status === '200' || status === '429')).toBe(true);
    }
  }, 120_000);
});
