import type { DB } from './database.js';
import { page, type Clause, type MeetingFilter, type Page, type PageOf } from './filters.js';

export interface OwnerCount {
  owner: string;
  name: string | null;
  open: number;
  done: number;
  dropped: number;
}

/** Everyone who owns an action item, with counts of items (each once, however often carried) by status, most open first. */
export function listOwners(db: DB, filter: MeetingFilter & Page = {}): PageOf<OwnerCount> {
  const clauses: Clause[] = [];
  if (filter.series) clauses.push({ sql: 't.series = ?', params: [filter.series] });
  if (filter.from) clauses.push({ sql: 't.last_mentioned >= ?', params: [filter.from] });
  if (filter.to) clauses.push({ sql: 't.first_raised <= ?', params: [filter.to] });
  return page<OwnerCount>(
    db,
    {
      columns: `o.owner, (SELECT name FROM people WHERE id = o.owner) AS name,
        sum(t.status = 'open') AS open, sum(t.status = 'done') AS done, sum(t.status = 'dropped') AS dropped`,
      from: 'tracked_item_owners o JOIN tracked_items t ON t.id = o.item_id',
      clauses,
      groupBy: 'o.owner',
      orderBy: 'open DESC, o.owner',
    },
    filter,
  );
}
