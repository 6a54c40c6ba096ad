import type { ActionStatus } from '../parse/meeting-record.js';
import type { DB } from './database.js';
import { meetingClauses, ownerIds, page, type Clause, type MeetingFilter, type Page, type PageOf } from './filters.js';

export interface StoredActionItem {
  id: number;
  meetingId: number;
  source: string;
  series: string | null;
  date: string | null;
  line: number;
  text: string;
  owners: string[];
  status: ActionStatus;
  carried: boolean;
  due: string | null;
  agenda: string | null;
}

export interface ActionItemFilter extends MeetingFilter, Page {
  owner?: string;
  /** Default `open`. */
  status?: ActionStatus | 'all';
}

const COLUMNS = `a.id, a.meeting_id AS meetingId, m.source, m.series, m.date, a.line, a.text, a.status, a.carried, a.due, a.agenda,
  (SELECT json_group_array(owner) FROM (SELECT owner FROM action_item_owners WHERE action_item_id = a.id ORDER BY position)) AS owners`;

type Row = Omit<StoredActionItem, 'owners' | 'carried'> & { owners: string; carried: number };

export function toActionItem(row: Row): StoredActionItem {
  return { ...row, owners: JSON.parse(row.owners) as string[], carried: row.carried === 1 };
}

/** Action items, oldest meeting first, filtered by owner (any known name or handle), status, series and dates. */
export function listActionItems(db: DB, filter: ActionItemFilter = {}): PageOf<StoredActionItem> {
  const clauses: Clause[] = meetingClauses(filter);
  const status = filter.status ?? 'open';
  if (status !== 'all') clauses.push({ sql: 'a.status = ?', params: [status] });
  if (filter.owner) {
    const ids = ownerIds(db, filter.owner);
    clauses.push({
      sql: `a.id IN (SELECT action_item_id FROM action_item_owners WHERE owner IN (${ids.map(() => '?').join(', ')}))`,
      params: ids,
    });
  }
  const result = page<Row>(
    db,
    { columns: COLUMNS, from: 'action_items a JOIN meetings m ON m.id = a.meeting_id', clauses, orderBy: 'm.date, m.source, a.line' },
    filter,
  );
  return { ...result, items: result.items.map(toActionItem) };
}

export interface OwnerCount {
  owner: string;
  name: string | null;
  open: number;
  done: number;
  dropped: number;
}

/** Everyone who owns an action item, with counts by status, most open items first. */
export function listOwners(db: DB, filter: MeetingFilter & Page = {}): PageOf<OwnerCount> {
  return page<OwnerCount>(
    db,
    {
      columns: `o.owner, (SELECT name FROM people WHERE id = o.owner) AS name,
        sum(a.status = 'open') AS open, sum(a.status = 'done') AS done, sum(a.status = 'dropped') AS dropped`,
      from: 'action_item_owners o JOIN action_items a ON a.id = o.action_item_id JOIN meetings m ON m.id = a.meeting_id',
      clauses: meetingClauses(filter),
      groupBy: 'o.owner',
      orderBy: 'open DESC, o.owner',
    },
    filter,
  );
}
