import type { DB } from './database.js';
import { statement } from './statements.js';

/**
 * Search documents: one per decision, action item and meeting, with their text (and an item's
 * agenda topic or a meeting's title) in the FTS5 table `search` and, beside it, what search filters and counts on
 * (schema/004): the meeting's
 * series and date, an action item's status in effect, and the document's set of facet values.
 */

export interface SearchDoc {
  meetingId: number;
  kind: 'decision' | 'action' | 'meeting';
  refId: number;
  series: string | null;
  date: string | null;
  text: string;
  /** For an action item: its status (the minutes', until linking) and its owners. */
  action?: { status: string; owners: string[] };
}

/** The number of a set of facet values (JSON), made on first use. */
function facetSetId(db: DB, facets: string): number {
  statement(db, 'INSERT INTO search_facets (facets) VALUES (?) ON CONFLICT (facets) DO NOTHING').run(facets);
  return (statement(db, 'SELECT id FROM search_facets WHERE facets = ?').get(facets) as { id: number }).id;
}

/**
 * What a document is about (schema/006): a decision's or action item's agenda topic, a meeting's title; stored before
 * it is indexed.
 */
function topicOf(db: DB, doc: SearchDoc): string | null {
  const sql = {
    decision: 'SELECT agenda FROM decisions WHERE id = ?',
    action: 'SELECT agenda FROM action_items WHERE id = ?',
    meeting: 'SELECT title FROM meetings WHERE id = ?',
  };
  return statement<[number], string | null>(db, sql[doc.kind]).pluck().get(doc.refId) ?? null;
}

/** Index one document: its row, its text, its agenda topic, its facet set. */
export function addSearchDoc(db: DB, doc: SearchDoc): void {
  const status = doc.action?.status ?? null;
  const rowid = statement(
    db,
    'INSERT INTO search_docs (meeting_id, kind, ref_id, series, date, status) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(doc.meetingId, doc.kind, doc.refId, doc.series, doc.date, status).lastInsertRowid;
  statement(db, 'INSERT INTO search (rowid, decision, action, meeting, topic) VALUES (?, ?, ?, ?, ?)').run(
    rowid,
    doc.kind === 'decision' ? doc.text : null,
    doc.kind === 'action' ? doc.text : null,
    doc.kind === 'meeting' ? doc.text : null,
    topicOf(db, doc),
  );
  const facets = JSON.stringify([
    doc.kind,
    doc.series,
    doc.date?.slice(0, 4) ?? null,
    status,
    doc.action?.owners ?? null,
  ]);
  statement(db, 'INSERT INTO search_doc_facets (doc_id, facet_id) VALUES (?, ?)').run(rowid, facetSetId(db, facets));
}

/**
 * Copy the status in effect of a series' action items onto their search documents, and move those whose status changed
 * to their new facet set.
 */
export function refreshSearchStatus(db: DB, series: string | null): void {
  statement(
    db,
    `UPDATE search_docs SET status = (SELECT coalesce(t.status, a.status) FROM action_items a LEFT JOIN tracked_items t ON t.id = a.item_id WHERE a.id = search_docs.ref_id)
     WHERE kind = 'action' AND meeting_id IN (SELECT id FROM meetings WHERE series IS ?)`,
  ).run(series);
  const moved = statement(
    db,
    `SELECT d.id, json_set(f.facets, '$[3]', d.status) FROM search_docs d JOIN search_doc_facets x ON x.doc_id = d.id JOIN search_facets f ON f.id = x.facet_id
     WHERE d.kind = 'action' AND d.meeting_id IN (SELECT id FROM meetings WHERE series IS ?) AND f.facets ->> '$[3]' IS NOT d.status`,
  )
    .raw()
    .all(series) as [number, string][];
  const setFacets = statement(db, 'UPDATE search_doc_facets SET facet_id = ? WHERE doc_id = ?');
  for (const [id, facets] of moved) setFacets.run(facetSetId(db, facets), id);
}
