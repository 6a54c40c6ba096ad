import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMarkdownFiles } from '../../src/import/find-files.js';
import { ParsePool } from '../../src/import/parse-pool.js';
import { parseFile } from '../../src/import/read-minutes.js';
import { ROOT } from '../helpers.js';

describe('the pool of parse workers', () => {
  it('parses in its workers what the writing thread would, bad files included', async () => {
    const files = findMarkdownFiles(['minutes']);
    const jobs = [
      ...files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file.source)) })),
      { file: { source: 'minutes/bad/empty.md', seriesFromPath: 'bad' }, bytes: new TextEncoder().encode('  \n') },
    ];
    const pool = new ParsePool(2);
    try {
      const parsed = await Promise.all(jobs.map(({ file, bytes }) => pool.parse(file, bytes)));
      // null would mean a worker died and the caller parsed instead: here every file comes from a worker.
      expect(parsed.every((p) => p !== null)).toBe(true);
      expect(parsed).toEqual(jobs.map(({ file, bytes }) => parseFile(bytes, file)));
      expect(parsed.at(-1)?.record).toMatchObject({ source: 'minutes/bad/empty.md', error: expect.any(String) });
    } finally {
      await pool.close();
    }
  });

  it('starts its built workers under flags of the process that they could not take (--input-type)', () => {
    const code = `
      import { ParsePool } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/import/parse-pool.js')).href)};
      const pool = new ParsePool(1);
      const parsed = await pool.parse({ source: 'x.md', seriesFromPath: null }, new TextEncoder().encode('# Weekly 2024-07-15\\n\\n- AI @a: b\\n'));
      await pool.close();
      console.log(JSON.stringify(parsed?.record.actionItems.length ?? null));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('1');
  });
});
