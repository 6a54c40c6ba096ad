import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { search } from '../../src/store/search.js';
import { parseSearchQuery } from '../../src/store/search-query.js';
import { ROOT } from '../helpers.js';

describe('the query language of the search box', () => {
  it.each([
    [
      'owner:garloff is:open type:decision series:iaas before:2024-06-01 after:2023-01-01 keycloak',
      'keycloak',
      {
        owner: 'garloff',
        status: 'open',
        type: 'decision',
        series: 'iaas',
        before: '2024-06-01',
        after: '2023-01-01',
      },
    ],
    ['series:"sig standardization" "release notes"', '"release notes"', { series: 'sig standardization' }],
    ['type:actions status:done', '', { type: 'action', status: 'done' }],
    ['type:nonsense before:yesterday http://x.org/a:b', 'type:nonsense before:yesterday http://x.org/a:b', {}],
    ['constructor:abc toString:x __proto__:y', 'constructor:abc toString:x __proto__:y', {}],
  ])('%j', (input, text, filters) => {
    expect(parseSearchQuery(input)).toEqual({ text, filters });
  });
});

describe('search', () => {
  let db: DB;
  beforeAll(() => {
    db = openDatabase(':memory:');
    importPaths(db, [join(ROOT, 'minutes')]);
  });
  afterAll(() => db.close());

  it('merges repeated terms and keeps the first 12, saying how many it left out', () => {
    const repeated = search(db, { q: 'storage '.repeat(249) });
    expect(repeated.query.match).toBe('"storage"');
    expect(repeated.query.dropped).toBe(248);
    expect(repeated.items).toEqual(search(db, { q: '"storage"' }).items);
    const many = search(db, { q: Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ') });
    // No document has all of them: any of them is searched (src/store/search.ts).
    expect(many.query.match?.split(' OR ')).toHaveLength(12);
    expect(many.query.dropped).toBe(18);
    expect(search(db, { q: 'storage' }).query.dropped).toBe(0);
  });

  it('applies filters written in the box like the same filters given as parameters', () => {
    const boxed = search(db, { q: 'owner:chen type:action storage' });
    expect(boxed.total).toBeGreaterThan(0);
    expect(boxed.items.every((h) => h.type === 'action' && h.owners!.includes('chen'))).toBe(true);
    const { query, ...rest } = search(db, { q: 'storage', owner: 'chen', type: 'action' });
    const { query: boxedQuery, ...boxedRest } = boxed;
    expect(rest).toEqual(boxedRest);
    expect(query.text).toBe(boxedQuery.text);
  });

  it('filters by the current status of an item and by dates', () => {
    const done = search(db, { q: 'is:done', limit: 100 });
    expect(done.total).toBeGreaterThan(0);
    expect(done.items.every((h) => h.type === 'action' && h.status === 'done' && h.itemId)).toBe(true);
    const week = search(db, { q: 'after:2024-09-01 before:2024-09-10', limit: 200 });
    expect(week.total).toBeGreaterThan(0);
    expect(week.items.every((h) => h.date! > '2024-09-01' && h.date! < '2024-09-10')).toBe(true);
    expect(search(db, { after: '2024-09-01', before: '2024-09-10', limit: 200 }).items).toEqual(week.items);
  });

  it('counts facets over all matches, not only the page', () => {
    const result = search(db, { q: 'keycloak', limit: 2 });
    expect(result.items).toHaveLength(2);
    const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);
    expect(sum(result.facets.type)).toBe(result.total);
    expect(sum(result.facets.year)).toBe(result.total);
    expect(result.facets.series.map((f) => f.value)).toEqual(expect.arrayContaining(['demo-weekly']));
    expect(result.facets.status.every((f) => ['open', 'done', 'dropped'].includes(f.value))).toBe(true);
  });

  it('accepts any text, and lists newest first when there are no words', () => {
    for (const q of ['AND', 'NEAR(', '"unbalanced', '* -', '😀', "'; DROP TABLE meetings; --", 'owner:', 'is:', '""']) {
      expect(() => search(db, { q }), q).not.toThrow();
    }
    const dates = search(db, { q: '', limit: 50 }).items.map((h) => h.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
