import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase } from '../../src/store/database.js';
import { isKnownPerson } from '../../src/store/people.js';
import { ROOT } from '../helpers.js';

// `minutes lint --db` asks this for every owner a meeting's participants do not name.
describe('a person the knowledge base knows', () => {
  it('is found by handle or name, and anybody else is not (no error either way)', () => {
    const db = openDatabase(':memory:');
    try {
      importPaths(db, [join(ROOT, 'minutes')]);
      const someone = db.prepare('SELECT id FROM people LIMIT 1').pluck().get() as string;
      expect(isKnownPerson(db, someone)).toBe(true);
      expect(isKnownPerson(db, `@${someone}`)).toBe(true);
      expect(isKnownPerson(db, 'nobody-by-this-name')).toBe(false);
    } finally {
      db.close();
    }
  });
});
