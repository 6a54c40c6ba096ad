import type { DB } from './database.js';
import { page, type Clause, type MeetingFilter, type Page, type PageOf } from './filters.js';
import { judge, liveSql, NO_OWNER } from './tracked-items.js';
import type { LiveWindow } from '../track/item-states.js';

export interface OwnerCount {
  owner: string;
  name: string | null;
  open: number;
  /** Of the open ones: live, stale, and overdue (live or stale). */
  live: number;
  stale: number;
  overdue: number;
  done: number;
  dropped: number;
}

/**
 * Everyone who owns an action item, with counts of items (each once, however often carried) by
 * status and state, most live first; items without an owner as the owner `none`. The counts are
 * those of listTrackedItems with the same owner, status and state (tested on the corpus).
 */
export function listOwners(
  db: DB,
  filter: MeetingFilter & Page & { today?: string; window?: Partial<LiveWindow> } = {},
): PageOf<OwnerCount> {
  const j = judge(db, filter);
  const clauses: Clause[] = [];
  if (filter.series) clauses.push({ sql: 't.series = ?', params: [filter.series] });
  if (filter.from) clauses.push({ sql: 't.last_mentioned >= ?', params: [filter.from] });
  if (filter.to) clauses.push({ sql: 't.first_raised <= ?', params: [filter.to] });
  const live = liveSql(j);
  return page<OwnerCount>(
    db,
    {
      columns: `o.owner,
        CASE WHEN o.owner = '${NO_OWNER}' THEN 'no owner' ELSE (SELECT name FROM people WHERE id = o.owner) END AS name,
        sum(t.status = 'open') AS open, sum(t.status = 'open' AND ${live}) AS live,
        sum(t.status = 'open' AND NOT ${live}) AS stale,
        sum(t.status = 'open' AND t.due < '${j.today}') AS overdue,
        sum(t.status = 'done') AS done, sum(t.status = 'dropped') AS dropped`,
      from: `(SELECT item_id AS id, owner FROM tracked_item_owners
              UNION ALL SELECT id, '${NO_OWNER}' FROM tracked_items WHERE owners = '[]') o
        JOIN tracked_items t ON t.id = o.id`,
      clauses,
      groupBy: 'o.owner',
      orderBy: 'live DESC, open DESC, o.owner',
    },
    filter,
  );
}
