import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/import/import-files.js';
import { migrate, openDatabase, type DB } from '../../src/store/database.js';
import { search, type FacetCount, type Facets, type SearchFilter } from '../../src/store/search.js';
import { changeItemStatus, listTrackedItems } from '../../src/store/tracked-items.js';
import { CORPUS, HAS_CORPUS, useKnowledgeBase } from '../helpers.js';

/**
 * The reference: total and facets as search counted them before schema/004, one GROUP BY
 * query each over meetings, action items and tracked items joined to the matches. Search now
 * counts in one pass over copies of these values; both must agree, also after items change.
 * Owner and status count tracked items, not mentions (issue 14): each item once, on its latest
 * mention, under its owners (`none` without one); `owner:` keeps the mentions of an owner's items.
 */
function referenceCounts(db: DB, filter: SearchFilter): { total: number; facets: Facets } {
  const { query } = search(db, { ...filter, limit: 0 });
  const f = query.filters;
  const clauses: [string, unknown[]][] = [];
  if (f.series) clauses.push(['m.series = ?', [f.series]]);
  if (f.from) clauses.push(['m.date >= ?', [f.from]]);
  if (f.to) clauses.push(['m.date <= ?', [f.to]]);
  if (f.before) clauses.push(['m.date < ?', [f.before]]);
  if (f.after) clauses.push(['m.date > ?', [f.after]]);
  if (f.type) clauses.push(['d.kind = ?', [f.type]]);
  if (f.owner) {
    const owned = `SELECT a.id FROM action_items a JOIN tracked_item_owners o ON o.item_id = a.item_id WHERE o.owner = ?`;
    clauses.push([`d.kind = 'action' AND d.ref_id IN (${owned})`, [f.owner]]);
  }
  const statusOf = `(SELECT coalesce(t.status, a.status) FROM action_items a LEFT JOIN tracked_items t ON t.id = a.item_id WHERE a.id = d.ref_id)`;
  if (f.status) clauses.push([`d.kind = 'action' AND ${statusOf} = ?`, [f.status]]);
  if (query.match) clauses.push(['search MATCH ?', [query.match]]);
  const where = clauses.length ? `WHERE ${clauses.map(([sql]) => `(${sql})`).join(' AND ')}` : '';
  const params = clauses.flatMap(([, p]) => p);
  const from = 'search JOIN search_docs d ON d.id = search.rowid JOIN meetings m ON m.id = d.meeting_id';
  const facet = (select: string, tables = from) =>
    db
      .prepare(
        `SELECT ${select} AS value, count(*) AS count FROM ${tables} ${where} GROUP BY value HAVING value IS NOT NULL ORDER BY count DESC, value LIMIT 30`,
      )
      .all(...params) as FacetCount[];
  return {
    total: (db.prepare(`SELECT count(*) AS n FROM ${from} ${where}`).get(...params) as { n: number }).n,
    facets: {
      type: facet('d.kind'),
      series: facet('m.series'),
      year: facet('substr(m.date, 1, 4)'),
      owner: facet(
        'o.owner',
        `${from} JOIN action_items a ON d.kind = 'action' AND a.id = d.ref_id JOIN tracked_items t ON t.last_mention_id = a.id
        JOIN (SELECT item_id, owner FROM tracked_item_owners UNION ALL SELECT id, 'none' FROM tracked_items WHERE owners = '[]') o ON o.item_id = t.id`,
      ),
      status: facet(
        `CASE WHEN d.kind = 'action' THEN (SELECT t.status FROM tracked_items t WHERE t.last_mention_id = d.ref_id) END`,
      ),
    },
  };
}

function expectReferenceCounts(db: DB, filters: SearchFilter[]): void {
  for (const filter of filters) {
    const { total, facets } = search(db, { ...filter, limit: 5 });
    expect({ total, facets }, JSON.stringify(filter)).toEqual(referenceCounts(db, filter));
  }
}

const QUERIES: SearchFilter[] = [
  { q: 'keycloak' },
  { q: 'storage' },
  { q: 'benchmark', type: 'action' },
  { q: 'is:done' },
  { q: 'is:open type:action' },
  { q: 'owner:chen' },
  { q: '' },
  { q: 'release', series: 'demo-weekly' },
  { q: 'after:2024-09-01 before:2024-09-30' },
  { q: 'the', from: '2024-01-01', to: '2024-12-31' },
  { q: 'nothing-matches-this' },
];

describe('search facets and totals', () => {
  const kb = useKnowledgeBase();

  it('are those of one GROUP BY query per facet, also after linking and manual changes', () => {
    const { db, minutes } = kb();
    importPaths(db, [minutes]);
    expectReferenceCounts(db, QUERIES);
    // A manual change of status must reach search at once.
    const open = listTrackedItems(db, { status: 'open', limit: 3 }).items;
    expect(open.length).toBeGreaterThan(0);
    for (const item of open) changeItemStatus(db, item.id, 'dropped', 'test');
    expectReferenceCounts(db, [...QUERIES, { q: 'is:dropped' }]);
    expect(search(db, { q: 'is:dropped' }).total).toBeGreaterThanOrEqual(open.length);
    // A changed file replaces its documents: their copies go with them.
    const file = join(minutes, 'demo-weekly', readdirSync(join(minutes, 'demo-weekly')).sort()[0]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n- AI @chen: benchmark the replacement storage\n`);
    importPaths(db, [minutes]);
    expectReferenceCounts(db, QUERIES);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('search_doc_facets')).toBe(count('search_docs'));
  });

  it('are those of the reference after a database of schema 3 is migrated', () => {
    const { db, minutes } = kb();
    importPaths(db, [minutes]);
    listTrackedItems(db, { status: 'open', limit: 2 }).items.forEach((item) =>
      changeItemStatus(db, item.id, 'done', 'test'),
    );
    // Back to what schema 3 had, then forward again: the copies are filled from the records.
    db.exec(`
      DROP TABLE search_facets; DROP TABLE search_doc_facets; DROP TRIGGER search_docs_delete;
      CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN DELETE FROM search WHERE rowid = old.id; END;
      ALTER TABLE search_docs DROP COLUMN series; ALTER TABLE search_docs DROP COLUMN date; ALTER TABLE search_docs DROP COLUMN status;
      ALTER TABLE action_item_owners DROP COLUMN person_id; ALTER TABLE participants DROP COLUMN initials;
      ALTER TABLE tracked_items DROP COLUMN task;
      PRAGMA user_version = 3;`);
    migrate(db);
    expectReferenceCounts(db, [...QUERIES, { q: 'is:done' }]);
  });

  it('are kept for the rows of a page, in score order, with the same items as paging through', () => {
    const { db, minutes } = kb();
    importPaths(db, [minutes]);
    const all = search(db, { q: 'the', limit: 1000 }).items.map((h) => `${h.type}:${h.id}`);
    const paged = [0, 7, 14, 21].flatMap((offset) =>
      search(db, { q: 'the', limit: 7, offset }).items.map((h) => `${h.type}:${h.id}`),
    );
    expect(paged).toEqual(all.slice(0, 28));
    expect(search(db, { q: 'the', limit: 10, offset: 1_000_000 }).items).toEqual([]);
  });
});

describe.skipIf(!HAS_CORPUS)('search facets and totals on the real minutes', () => {
  let db: DB;
  beforeAll(() => {
    db = openDatabase(':memory:');
    importPaths(db, [CORPUS]);
  }, 120_000);
  afterAll(() => db.close());

  it('are those of one GROUP BY query per facet', () => {
    expectReferenceCounts(db, [
      ...['keycloak', 'zuul', 'release notes', '"status page"', 'the', 'monitor', 'k8s', 'osism iaas'].map((q) => ({
        q,
      })),
      { q: 'is:open' },
      { q: 'type:decision standard' },
      { q: 'series:iaas deploy' },
      { q: '' },
      { q: 'owner:garloff' },
    ]);
  });

  it('have a snippet with a marked match for every hit', () => {
    for (const q of ['keycloak', 'zuul', 'release notes', '"status page"', 'monitor']) {
      expect(
        search(db, { q, limit: 50 }).items.every((h) => h.snippet.includes('«')),
        q,
      ).toBe(true);
    }
  });
});
