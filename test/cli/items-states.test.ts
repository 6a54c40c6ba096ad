import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'cli', 'main.js');

describe('live and stale items on the command line', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: string;
  const minutes = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args, '--db', db], { cwd: ROOT, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  beforeAll(() => {
    dir = tempDir();
    db = join(dir.dir, 'kb.db');
    expect(minutes('import', 'minutes').code).toBe(0);
  });
  afterAll(() => dir.remove());

  it('lists live items, says how many stale ones it left out, and lists them with --stale', () => {
    const live = JSON.parse(minutes('ais', '--json').stdout);
    expect(live.items.every((i: { state: string }) => i.state === 'live')).toBe(true);
    expect(live.staleLeftOut).toBeGreaterThan(0);
    expect(minutes('ais').stdout).toMatch(
      new RegExp(`^${live.staleLeftOut} stale items .* add --stale to list them too`, 'm'),
    );
    const all = JSON.parse(minutes('ais', '--stale', '--json').stdout);
    expect(all.total).toBe(live.total + live.staleLeftOut);
    expect(JSON.parse(minutes('ais', '--state', 'stale', '--json').stdout).total).toBe(live.staleLeftOut);
  });

  it('prints live items only in the carry block, with one line counting the stale ones', () => {
    const later = minutes('carry', '--series', 'demo-weekly', '--today', '2025-06-01').stdout;
    expect(later).toMatch(/^- \(no open action items\)$/m);
    expect(later).toMatch(/^<!-- \d+ stale items .* minutes carry --series demo-weekly --stale -->$/m);
  });

  it('takes only sane values for --stale, --state and the window, and keeps a window set for the knowledge base', () => {
    for (const args of [
      ['--stale', '90'],
      ['--live-days', '0'],
      ['--live-meetings', '101'],
      ['--state', 'old'],
      ['--today', '2024-02-30'],
    ]) {
      const bad = minutes('ais', ...args);
      expect(bad.code, args.join(' ')).not.toBe(0);
      expect(bad.stderr, args.join(' ')).toMatch(new RegExp(args[0]!));
    }
    expect(minutes('ais', '--stale', '--state', 'live').stderr).toMatch(/--stale and --state: give one/);
    expect(minutes('live-window', '--days', '9999').code).not.toBe(0);
    expect(JSON.parse(minutes('live-window', '--json').stdout)).toEqual({ meetings: 3, days: 60 });
    expect(JSON.parse(minutes('live-window', '--meetings', '1', '--days', '1', '--json').stdout)).toEqual({
      meetings: 1,
      days: 1,
    });
    const narrow = JSON.parse(minutes('ais', '--json').stdout);
    expect(narrow.window).toEqual({ meetings: 1, days: 1 });
    expect(narrow.items.every((i: { lastMentioned: string }) => i.lastMentioned === '2024-09-30')).toBe(true);
    const export_ = minutes('export', '--format', 'csv');
    expect(export_.stderr).toMatch(/stale action items left out \(--stale to export them too\)/);
    expect(export_.stdout.split('\r\n')[0]).toMatch(/^id,task,owners,status,state,overdue,/);
  });
});
