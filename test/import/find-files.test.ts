import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchMarkdownFiles } from '../../src/import/find-files.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase } from '../../src/store/database.js';
import { tempDir } from '../helpers.js';

/**
 * A folder tree with one folder that cannot be read (as root, permissions would not stop the read: it is simulated).
 */
function tree() {
  const { dir, remove } = tempDir();
  for (const team of ['alpha', 'locked', 'omega']) {
    mkdirSync(join(dir, team));
    writeFileSync(join(dir, team, '20240715.md'), `# ${team} 2024-07-15\n\n- AI @kurt: check the docs\n`);
  }
  const read = (folder: string) => {
    if (folder.endsWith('locked'))
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
    return readdirSync(folder, { withFileTypes: true });
  };
  return { dir, remove, read };
}

describe('searching folders for minutes', () => {
  it('leaves out a folder it cannot read, says which and why, and finds the rest', () => {
    const { dir, remove, read } = tree();
    try {
      const { files, skipped } = searchMarkdownFiles([dir], read);
      expect(files.map((f) => f.seriesFromPath)).toEqual(['alpha', 'omega']);
      expect(skipped).toEqual([{ path: expect.stringMatching(/locked$/), reason: expect.stringMatching(/EACCES/) }]);
      expect(() => searchMarkdownFiles([join(dir, 'locked')], read)).toThrow(/EACCES/);
    } finally {
      remove();
    }
  });

  it('skips a README at the top of an import but imports one inside a team folder', () => {
    const { dir, remove } = tempDir();
    try {
      writeFileSync(join(dir, 'README.md'), '# About these minutes\n');
      mkdirSync(join(dir, 'hackathon'));
      writeFileSync(join(dir, 'hackathon', 'Readme.md'), '# Hackathon 2024-07-15\n');
      const db = openDatabase(':memory:');
      const summary = importPaths(db, [dir]);
      expect(summary.imported).toBe(1);
      expect(summary.skipped).toEqual([]);
      db.close();
    } finally {
      remove();
    }
  });
});
