/**
 * Part 4: in-process search against a bare FTS5 `MATCH ... ORDER BY rank LIMIT 20` of the same
 * words on the same connection. The machine is shared, so the two are interleaved query by
 * query, which goes first alternating, over three rounds; each query's time is its median.
 * The 100x database is the imported one with its searchable records copied 99 times in SQL.
 */
import { copyFileSync } from 'node:fs';
import { openDatabase, type DB } from '../src/store/database.js';
import { ftsQuery } from '../src/store/fts-query.js';
import { search } from '../src/store/search.js';
import { median, percentile, sum, time } from './common.js';

export interface SearchFigures {
  queries: number;
  /** Search documents in the database. */
  documents: number;
  p50ms: number;
  p99ms: number;
  bareP50ms: number;
  bareP99ms: number;
  /** Our total time over the bare one's (target <= 1.5). */
  ratio: number;
}

const ROUNDS = 3;

/** The bare query the issue compares with: the words only, filters dropped. */
function bareSearch(db: DB): (q: string) => void {
  const bare = db.prepare('SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank LIMIT 20');
  return (q) => bare.all(ftsQuery(q.replace(/\b\w+:\S+/g, '')) ?? '""');
}

export function benchSearch(dbFile: string, queries: string[]): SearchFigures {
  const db = openDatabase(dbFile);
  const bare = bareSearch(db);
  const ours = queries.map((): number[] => []);
  const theirs = queries.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    queries.forEach((q, i) => {
      const runOurs = () => ours[i]!.push(time(() => search(db, { q, limit: 20 })));
      const runBare = () => theirs[i]!.push(time(() => bare(q)));
      if ((round + i) % 2 === 0) {
        runOurs();
        runBare();
      } else {
        runBare();
        runOurs();
      }
    });
  }
  const documents = (db.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
  db.close();
  const oursMs = ours.map(median);
  const bareMs = theirs.map(median);
  return {
    queries: queries.length,
    documents,
    p50ms: percentile(oursMs, 0.5),
    p99ms: percentile(oursMs, 0.99),
    bareP50ms: percentile(bareMs, 0.5),
    bareP99ms: percentile(bareMs, 0.99),
    ratio: sum(oursMs) / sum(bareMs),
  };
}

/**
 * A copy of the database with what search reads (meetings, decisions, action items and their
 * owners, search documents, their text and facet sets) copied `copies - 1` more times: copy k with ids
 * moved past the last, series `<series>-r<k>` and years k later. Returns the build time.
 */
export function buildCopies(dbFile: string, target: string, copies: number): number {
  copyFileSync(dbFile, target);
  const db = openDatabase(target);
  const start = performance.now();
  const max = (table: string, column = 'id') =>
    (db.prepare(`SELECT max(${column}) AS n FROM ${table}`).get() as { n: number }).n;
  const [meetings, docs, decisions, actions, facetSets] = [
    max('meetings'),
    max('search_docs'),
    max('decisions'),
    max('action_items'),
    max('search_facets'),
  ];
  const later = (column: string) => `(CAST(substr(${column}, 1, 4) AS INTEGER) + @k) || substr(${column}, 5)`;
  const steps = [
    `INSERT INTO meetings (id, source, series, date, title, content_hash, imported_at, body)
     SELECT id + @k * ${meetings}, source || '#' || @k, series || '-r' || @k, ${later('date')}, title, content_hash, imported_at, body FROM meetings WHERE id <= ${meetings}`,
    `INSERT INTO decisions (id, meeting_id, line, text, agenda)
     SELECT id + @k * ${decisions}, meeting_id + @k * ${meetings}, line, text, agenda FROM decisions WHERE id <= ${decisions}`,
    `INSERT INTO action_items (id, meeting_id, line, text, status, carried, due, agenda, item_id)
     SELECT id + @k * ${actions}, meeting_id + @k * ${meetings}, line, text, status, carried, due, agenda, item_id || '-r' || @k FROM action_items WHERE id <= ${actions}`,
    `INSERT INTO action_item_owners (action_item_id, position, owner)
     SELECT action_item_id + @k * ${actions}, position, owner FROM action_item_owners WHERE action_item_id <= ${actions}`,
    `INSERT INTO search_docs (id, meeting_id, kind, ref_id, series, date, status)
     SELECT id + @k * ${docs}, meeting_id + @k * ${meetings}, kind,
       ref_id + @k * CASE kind WHEN 'decision' THEN ${decisions} WHEN 'action' THEN ${actions} ELSE ${meetings} END,
       series || '-r' || @k, ${later('date')}, status
     FROM search_docs WHERE id <= ${docs}`,
    // Each copy's facet sets: the original's with its series and year.
    `INSERT OR IGNORE INTO search_facets (facets)
     SELECT json_set(facets, '$[1]', (facets ->> '$[1]') || '-r' || @k, '$[2]', ${later("facets ->> '$[2]'")}) FROM search_facets WHERE id <= ${facetSets}`,
    `INSERT INTO search_doc_facets (doc_id, facet_id)
     SELECT x.doc_id + @k * ${docs}, c.id FROM search_doc_facets x JOIN search_facets f ON f.id = x.facet_id
     JOIN search_facets c ON c.facets = json_set(f.facets, '$[1]', (f.facets ->> '$[1]') || '-r' || @k, '$[2]', ${later("f.facets ->> '$[2]'")})
     WHERE x.doc_id <= ${docs}`,
    `INSERT INTO search (rowid, decision, action, meeting, topic) SELECT rowid + @k * ${docs}, decision, action, meeting, topic FROM search WHERE rowid <= ${docs}`,
  ].map((sql) => db.prepare(sql));
  db.transaction(() => {
    for (let k = 1; k < copies; k++) for (const step of steps) step.run({ k });
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}
