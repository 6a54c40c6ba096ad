import type { ActionStatus } from '../parse/meeting-record.js';
import type { DB } from './database.js';
import { meetingClauses, ownerIds, where, DEFAULT_LIMIT, type Clause, type MeetingFilter, type Page, type PageOf } from './filters.js';
import { parseSearchQuery, type QueryFilters } from './search-query.js';
import { ftsQuery } from './fts-query.js';
import { statement } from './statements.js';

export type SearchType = 'decision' | 'action' | 'meeting';

export interface SearchFilter extends MeetingFilter, Page {
  /** Words, "phrases" and `key:value` filters (see search-query.ts). */
  q?: string;
  type?: SearchType | 'all';
  owner?: string;
  status?: ActionStatus;
  /** Meetings strictly before / after this date, as `before:` / `after:` in the box. */
  before?: string;
  after?: string;
}

export interface SearchHit {
  type: SearchType;
  /** The decision's, action item mention's or meeting's id. */
  id: number;
  /** For an action item: the item it is a mention of (`minutes ai show`). */
  itemId: string | null;
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
  /** For an action item: the item's status now. */
  status: ActionStatus | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** Counts over everything the query matches, to narrow it further. */
export interface Facets {
  type: FacetCount[];
  series: FacetCount[];
  year: FacetCount[];
  owner: FacetCount[];
  status: FacetCount[];
}

export interface SearchResult extends PageOf<SearchHit> {
  /** The query as understood: the words searched and the filters read from the box and the parameters. */
  query: { text: string; match: string | null; filters: QueryFilters & MeetingFilter };
  facets: Facets;
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

function details(db: DB, row: Row): Pick<SearchHit, 'line' | 'text' | 'owners' | 'status' | 'itemId'> {
  if (row.kind === 'decision') {
    const d = statement<[number], { line: number; text: string }>(db, 'SELECT line, text FROM decisions WHERE id = ?').get(row.refId)!;
    return { ...d, owners: null, status: null, itemId: null };
  }
  if (row.kind === 'action') {
    const a = statement<[number], { line: number; text: string; status: ActionStatus; itemId: string | null }>(
      db,
      'SELECT a.line, a.text, coalesce(t.status, a.status) AS status, a.item_id AS itemId FROM action_items a LEFT JOIN tracked_items t ON t.id = a.item_id WHERE a.id = ?',
    ).get(row.refId)!;
    const owners = statement<[number], { owner: string }>(db, 'SELECT owner FROM action_item_owners WHERE action_item_id = ? ORDER BY position').all(row.refId);
    return { ...a, owners: owners.map((o) => o.owner) };
  }
  return { line: null, text: null, owners: null, status: null, itemId: null };
}

const FROM = 'search JOIN search_docs d ON d.id = search.rowid JOIN meetings m ON m.id = d.meeting_id';

function facet(db: DB, select: string, from: string, w: { sql: string; params: unknown[] }): FacetCount[] {
  return statement(db, `SELECT ${select} AS value, count(*) AS count FROM ${from} ${w.sql} GROUP BY value HAVING value IS NOT NULL ORDER BY count DESC, value LIMIT 30`).all(
    ...w.params,
  ) as FacetCount[];
}

/**
 * Full-text search over decisions, action items and meetings, best match first (bm25),
 * with facet counts over all matches. Any text is accepted; an empty query lists newest first.
 * Ranking and paging come first; snippets and details are made only for the rows returned.
 */
export function search(db: DB, filter: SearchFilter): SearchResult {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const offset = filter.offset ?? 0;
  const typed = parseSearchQuery(filter.q ?? '');
  const f = {
    ...typed.filters,
    ...Object.fromEntries(Object.entries({
      type: filter.type === 'all' ? undefined : filter.type,
      owner: filter.owner,
      status: filter.status,
      series: filter.series,
      before: filter.before,
      after: filter.after,
    }).filter(([, v]) => v !== undefined)),
  } as QueryFilters;
  const clauses: Clause[] = meetingClauses({ series: f.series, from: filter.from, to: filter.to });
  if (f.before) clauses.push({ sql: 'm.date < ?', params: [f.before] });
  if (f.after) clauses.push({ sql: 'm.date > ?', params: [f.after] });
  if (f.type) clauses.push({ sql: 'd.kind = ?', params: [f.type] });
  if (f.owner) {
    const ids = ownerIds(db, f.owner);
    clauses.push({
      sql: `d.kind = 'action' AND d.ref_id IN (SELECT action_item_id FROM action_item_owners WHERE owner IN (${ids.map(() => '?').join(', ')}))`,
      params: ids,
    });
  }
  if (f.status) {
    clauses.push({ sql: `d.kind = 'action' AND (SELECT coalesce(t.status, a.status) FROM action_items a LEFT JOIN tracked_items t ON t.id = a.item_id WHERE a.id = d.ref_id) = ?`, params: [f.status] });
  }
  const match = ftsQuery(typed.text);
  if (match) clauses.push({ sql: 'search MATCH ?', params: [match] });
  const w = where(clauses);
  const total = (statement(db, `SELECT count(*) AS n FROM ${FROM} ${w.sql}`).get(...w.params) as { n: number }).n;
  const ranked = match
    ? `SELECT search.rowid AS rowid, bm25(search, ${WEIGHTS}) AS score FROM ${FROM} ${w.sql} ORDER BY score LIMIT ? OFFSET ?`
    : `SELECT search.rowid AS rowid, 0 AS score FROM ${FROM} ${w.sql} ORDER BY m.date DESC, d.id LIMIT ? OFFSET ?`;
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
  const owned = `${FROM} JOIN action_item_owners o ON d.kind = 'action' AND o.action_item_id = d.ref_id`;
  const statusOf = `(SELECT coalesce(t.status, a.status) FROM action_items a LEFT JOIN tracked_items t ON t.id = a.item_id WHERE a.id = d.ref_id)`;
  const facets: Facets = {
    type: facet(db, 'd.kind', FROM, w),
    series: facet(db, 'm.series', FROM, w),
    year: facet(db, 'substr(m.date, 1, 4)', FROM, w),
    owner: facet(db, 'o.owner', owned, w),
    status: facet(db, `CASE WHEN d.kind = 'action' THEN ${statusOf} END`, FROM, w),
  };
  return { total, limit, offset, items, query: { text: typed.text, match, filters: { ...f, from: filter.from, to: filter.to } }, facets };
}
