import { normaliseName } from '../parse/recognise/names.js';
import type { DB } from './database.js';
import { statement } from './statements.js';

/** One condition of a WHERE clause with its parameters. */
export interface Clause {
  sql: string;
  params: unknown[];
}

/** The filters that every list shares: series and a date range over the meeting (`m`). */
export interface MeetingFilter {
  series?: string;
  from?: string;
  to?: string;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export interface PageOf<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export const DEFAULT_LIMIT = 50;

/** Clauses on the `series` and `date` columns of `table` (the meeting `m`, or a table that copies them). */
export function meetingClauses(filter: MeetingFilter, table = 'm'): Clause[] {
  const clauses: Clause[] = [];
  if (filter.series) clauses.push({ sql: `${table}.series = ?`, params: [filter.series] });
  if (filter.from) clauses.push({ sql: `${table}.date >= ?`, params: [filter.from] });
  if (filter.to) clauses.push({ sql: `${table}.date <= ?`, params: [filter.to] });
  return clauses;
}

export function where(clauses: Clause[]): { sql: string; params: unknown[] } {
  if (clauses.length === 0) return { sql: '', params: [] };
  return { sql: `WHERE ${clauses.map((c) => `(${c.sql})`).join(' AND ')}`, params: clauses.flatMap((c) => c.params) };
}

/**
 * Every id an owner may be written as: `garloff`, `@Garloff`; once a participant
 * list said "Kurt Garloff (@garloff)", also `kurt garloff` (and the other way round);
 * and every alias of the alias file ("Kurt" -> garloff).
 */
export function ownerIds(db: DB, owner: string): string[] {
  const id = normaliseName(owner);
  const person =
    statement<[string], { person_id: string }>(db, 'SELECT person_id FROM aliases WHERE alias = ?').get(id)
      ?.person_id ??
    statement<[string, string], { id: string }>(
      db,
      'SELECT id FROM people WHERE id = ? OR (lower(name) = ? AND handle IS NOT NULL) ORDER BY handle IS NULL LIMIT 1',
    ).get(id, id)?.id ??
    id;
  const ids = new Set([id, person]);
  const name = statement<[string], { name: string | null }>(db, 'SELECT name FROM people WHERE id = ?').get(
    person,
  )?.name;
  if (name) ids.add(normaliseName(name));
  for (const row of statement<[string], { alias: string }>(db, 'SELECT alias FROM aliases WHERE person_id = ?').all(
    person,
  ))
    ids.add(row.alias);
  return [...ids];
}

/**
 * SQL for the one id under which an owner `expr` is counted, as ownerIds resolves it: the person an
 * alias stands for, else the handle of a participant of that name, else the owner as written.
 */
export function canonicalOwnerSql(expr: string): string {
  return `coalesce((SELECT person_id FROM aliases WHERE alias = ${expr}),
    (SELECT id FROM people WHERE lower(name) = ${expr} AND handle IS NOT NULL AND id <> ${expr} ORDER BY id LIMIT 1),
    ${expr})`;
}

/**
 * Search documents `d` that are mentions of items owned by `owner` (`none`: of items without an owner),
 * as the items list finds the items; a mention not linked yet by the owners it names itself.
 */
export function ownedMentionsClause(db: DB, owner: string): Clause {
  if (normaliseName(owner) === 'none') {
    return {
      sql: `d.kind = 'action' AND d.ref_id IN
        (SELECT a.id FROM action_items a JOIN tracked_items t ON t.id = a.item_id WHERE t.owners = '[]')`,
      params: [],
    };
  }
  const ids = ownerIds(db, owner);
  const list = ids.map(() => '?').join(', ');
  return {
    sql: `d.kind = 'action' AND d.ref_id IN (
      SELECT a.id FROM action_items a JOIN tracked_item_owners o ON o.item_id = a.item_id WHERE o.owner IN (${list})
      UNION ALL SELECT a.id FROM action_items a JOIN action_item_owners o ON o.action_item_id = a.id
        WHERE a.item_id IS NULL AND o.owner IN (${list}))`,
    params: [...ids, ...ids],
  };
}

export interface Query {
  columns: string;
  from: string;
  clauses: Clause[];
  groupBy?: string;
  orderBy: string;
}

/** Run a query one page at a time, with the total count of rows it matches. */
export function page<T>(db: DB, query: Query, paging: Page): PageOf<T> {
  const limit = paging.limit ?? DEFAULT_LIMIT;
  const offset = paging.offset ?? 0;
  const w = where(query.clauses);
  const body = `FROM ${query.from} ${w.sql} ${query.groupBy ? `GROUP BY ${query.groupBy}` : ''}`;
  const total = (statement(db, `SELECT count(*) AS n FROM (SELECT 1 ${body})`).get(...w.params) as { n: number }).n;
  const items = statement(db, `SELECT ${query.columns} ${body} ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`).all(
    ...w.params,
    limit,
    offset,
  ) as T[];
  return { total, limit, offset, items };
}
