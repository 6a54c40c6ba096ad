import type { ActionStatus } from '../parse/meeting-record.js';
import type { DB } from './database.js';
import { meetingClauses, where, DEFAULT_LIMIT, type Clause, type MeetingFilter, type Page, type PageOf } from './filters.js';
import { ftsQuery } from './fts-query.js';
import { statement } from './statements.js';

export type SearchType = 'decision' | 'action' | 'meeting';

export interface SearchFilter extends MeetingFilter, Page {
  q?: string;
  type?: SearchType | 'all';
}

export interface SearchHit {
  type: SearchType;
  /** The decision's, action item's or meeting's id. */
  id: number;
  meetingId: number;
  source: string;
  series: string | null;
  date: string | null;
  title: string | null;
  /** Line of the decision or action item; null for a meeting. */
  line: number | null;
  text: string | null;
  /** Matching words marked «like this». */
  snippet: string;
  owners: string[] | null;
  status: ActionStatus | null;
}

/** bm25 weights per column (decision, action, meeting): items weigh more than the meeting text around them. */
const WEIGHTS = '4.0, 3.0, 1.0';

interface Row {
  kind: SearchType;
  refId: number;
  meetingId: number;
  source: string;
  series: string | null;
  date: string | null;
  title: string | null;
  snippet: string;
}

function details(db: DB, row: Row): Pick<SearchHit, 'line' | 'text' | 'owners' | 'status'> {
  if (row.kind === 'decision') {
    const d = statement<[number], { line: number; text: string }>(db, 'SELECT line, text FROM decisions WHERE id = ?').get(row.refId)!;
    return { ...d, owners: null, status: null };
  }
  if (row.kind === 'action') {
    const a = statement<[number], { line: number; text: string; status: ActionStatus }>(db, 'SELECT line, text, status FROM action_items WHERE id = ?').get(row.refId)!;
    const owners = statement<[number], { owner: string }>(db, 'SELECT owner FROM action_item_owners WHERE action_item_id = ? ORDER BY position').all(row.refId);
    return { ...a, owners: owners.map((o) => o.owner) };
  }
  return { line: null, text: null, owners: null, status: null };
}

/**
 * Full-text search over decisions, action items and meetings, best match first (bm25).
 * Any text is accepted; an empty query lists newest first.
 */
export function search(db: DB, filter: SearchFilter): PageOf<SearchHit> {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const offset = filter.offset ?? 0;
  const clauses: Clause[] = meetingClauses(filter);
  if (filter.type && filter.type !== 'all') clauses.push({ sql: 'd.kind = ?', params: [filter.type] });
  const match = ftsQuery(filter.q ?? '');
  if (match) clauses.push({ sql: 'search MATCH ?', params: [match] });
  const w = where(clauses);
  const from = 'search JOIN search_docs d ON d.id = search.rowid JOIN meetings m ON m.id = d.meeting_id';
  const total = (statement(db, `SELECT count(*) AS n FROM ${from} ${w.sql}`).get(...w.params) as { n: number }).n;
  // Rank and cut to one page first; snippets are made only for the rows returned.
  const ranked = match
    ? `SELECT search.rowid AS rowid, bm25(search, ${WEIGHTS}) AS score FROM ${from} ${w.sql} ORDER BY score LIMIT ? OFFSET ?`
    : `SELECT search.rowid AS rowid, 0 AS score FROM ${from} ${w.sql} ORDER BY m.date DESC, d.id LIMIT ? OFFSET ?`;
  const snippet = match ? `snippet(search, -1, '«', '»', '…', 16)` : `substr(coalesce(search.decision, search.action, search.meeting), 1, 160)`;
  const rows = statement(
    db,
    `WITH page AS (${ranked})
     SELECT d.kind, d.ref_id AS refId, d.meeting_id AS meetingId, m.source, m.series, m.date, m.title, ${snippet} AS snippet
     FROM page JOIN search ON search.rowid = page.rowid JOIN search_docs d ON d.id = page.rowid JOIN meetings m ON m.id = d.meeting_id
     ${match ? 'WHERE search MATCH ?' : ''}
     ORDER BY ${match ? 'page.score' : 'm.date DESC, d.id'}`,
  ).all(...w.params, limit, offset, ...(match ? [match] : [])) as Row[];
  const items = rows.map((row) => ({
    type: row.kind,
    id: row.kind === 'meeting' ? row.meetingId : row.refId,
    meetingId: row.meetingId,
    source: row.source,
    series: row.series,
    date: row.date,
    title: row.title,
    snippet: row.snippet,
    ...details(db, row),
  }));
  return { total, limit, offset, items };
}
