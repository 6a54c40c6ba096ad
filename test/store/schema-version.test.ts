import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase } from '../../src/store/database.js';
import { ROOT, tempDir } from '../helpers.js';

describe('a database newer than the code', () => {
  it('is refused with a clear error, and nothing is written to it', () => {
    const { dir, remove } = tempDir();
    try {
      const path = join(dir, 'kb.db');
      const db = openDatabase(path);
      importPaths(db, [join(ROOT, 'minutes', 'product-board')]);
      db.close();
      const raw = new Database(path);
      raw.pragma('user_version = 99');
      const before = (raw.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
      raw.close();

      expect(() => openDatabase(path)).toThrow(
        /schema version 99, newer than this minutes-kb knows \(\d+\): upgrade minutes-kb/,
      );

      const after = new Database(path);
      expect((after.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(before);
      expect(after.pragma('user_version', { simple: true })).toBe(99);
      after.close();
    } finally {
      remove();
    }
  });
});
