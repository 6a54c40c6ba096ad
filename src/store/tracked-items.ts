import type { ActionStatus } from '../parse/meeting-record.js';
import { fingerprint, similarity } from '../track/fingerprint.js';
import {
  isIsoDay,
  isOverdue,
  itemState,
  liveSince,
  type ItemState,
  type LiveWindow,
  type StateFilter,
} from '../track/item-states.js';
import { linkMentions, type Mention } from '../track/link-mentions.js';
import { taskText } from '../track/task-text.js';
import { normaliseName } from '../parse/recognise/names.js';
import type { DB } from './database.js';

/** The owner under which items without one are listed (`owner=none`). */
export const NO_OWNER = 'none';
import {
  canonicalOwnerSql,
  ownerIds,
  page,
  where,
  type Clause,
  type MeetingFilter,
  type Page,
  type PageOf,
} from './filters.js';
import { refreshSearchStatus } from './search-docs.js';
import { liveWindow } from './settings.js';
import { statement } from './statements.js';

/** An action item followed across meetings. */
export interface TrackedItem {
  id: string;
  series: string | null;
  /** The line as first raised. */
  text: string;
  /** The task alone: marker, owner prefix, arrows and status words stripped (src/track/task-text.ts). */
  task: string;
  owners: string[];
  status: ActionStatus;
  /** live or stale for an open item (src/track/item-states.ts), else its status. */
  state: ItemState;
  /** Open and past its due date. */
  overdue: boolean;
  due: string | null;
  firstRaised: string | null;
  lastMentioned: string | null;
  /** Meetings that mention it: 1 when it was never carried. */
  meetings: number;
  /** Where it was raised and last mentioned. */
  meetingId: number;
  source: string;
  line: number;
  lastMeetingId: number;
  lastSource: string;
  lastLine: number;
}

export interface ItemMention {
  meetingId: number;
  date: string | null;
  source: string;
  line: number;
  status: ActionStatus;
  carried: boolean;
  text: string;
  owners: string[];
}

export interface ItemChange {
  changedAt: string;
  status: ActionStatus;
  note: string | null;
  asOf: string | null;
}

type MentionRow = Omit<Mention, 'owners' | 'carried'> & { owners: string; carried: number };

/** The mentions of a series, each owner as the one id it is counted under (first name resolved, alias followed). */
function seriesMentions(db: DB, series: string | null): Mention[] {
  const rows = statement(
    db,
    `SELECT a.id, m.date, m.source, a.line, a.text, a.status, a.carried, a.due, a.agenda,
       (SELECT json_group_array(${canonicalOwnerSql('o.id')}) FROM
         (SELECT coalesce(person_id, owner) AS id FROM action_item_owners
          WHERE action_item_id = a.id ORDER BY position) o) AS owners
     FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.series IS ?`,
  ).all(series) as MentionRow[];
  return rows.map((r) => ({ ...r, owners: [...new Set(JSON.parse(r.owners) as string[])], carried: r.carried === 1 }));
}

/** The status in effect: a manual change holds until a meeting after it reports on the item. */
function effectiveStatus(db: DB, id: string, minutesStatus: ActionStatus, lastMentioned: string | null): ActionStatus {
  const change = statement<[string], { status: ActionStatus; as_of: string | null }>(
    db,
    'SELECT status, as_of FROM item_changes WHERE item_id = ? ORDER BY id DESC LIMIT 1',
  ).get(id);
  if (!change) return minutesStatus;
  return lastMentioned && change.as_of && lastMentioned > change.as_of ? minutesStatus : change.status;
}

/**
 * Manual changes whose item no longer exists (its first mention was edited) follow the most similar item raised the
 * same day.
 */
function reattachChanges(db: DB, series: string | null): void {
  const orphans = statement(
    db,
    `SELECT DISTINCT item_id AS id, first_raised AS firstRaised, text FROM item_changes
     WHERE series IS ? AND item_id NOT IN (SELECT id FROM tracked_items)`,
  ).all(series) as { id: string; firstRaised: string | null; text: string }[];
  for (const orphan of orphans) {
    const candidates = statement(db, 'SELECT id, text FROM tracked_items WHERE series IS ? AND first_raised IS ?').all(
      series,
      orphan.firstRaised,
    ) as {
      id: string;
      text: string;
    }[];
    const words = fingerprint(orphan.text);
    const best = candidates
      .map((c) => ({ id: c.id, score: similarity(words, fingerprint(c.text)) }))
      .sort((a, b) => b.score - a.score)[0];
    if (best && best.score >= 0.5)
      statement(db, 'UPDATE item_changes SET item_id = ? WHERE item_id = ?').run(best.id, orphan.id);
  }
}

/** Series with action items that no linking has seen yet (an import stopped before it linked). */
export function unlinkedSeries(db: DB): (string | null)[] {
  return (
    statement(
      db,
      'SELECT DISTINCT m.series FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.item_id IS NULL',
    ).all() as {
      series: string | null;
    }[]
  ).map((r) => r.series);
}

/** Rebuild the tracked items of one series from its mentions (call inside the import's transaction or after it). */
export function relinkSeries(db: DB, series: string | null): void {
  db.transaction(() => {
    statement(db, 'DELETE FROM tracked_items WHERE series IS ?').run(series);
    const setItem = statement(db, 'UPDATE action_items SET item_id = ? WHERE id = ?');
    const insert = statement(
      db,
      `INSERT INTO tracked_items (id, series, text, task, owners, status, minutes_status, due, first_raised, last_mentioned, meetings, first_mention_id, last_mention_id)
       VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const owner = statement(db, 'INSERT OR IGNORE INTO tracked_item_owners (item_id, owner) VALUES (?, ?)');
    const threads = linkMentions(series ?? '', seriesMentions(db, series));
    for (const thread of threads) {
      const first = thread.mentions[0]!;
      const last = thread.mentions[thread.mentions.length - 1]!;
      const owners = [...thread.mentions].reverse().find((m) => m.owners.length > 0)?.owners ?? [];
      const due = [...thread.mentions].reverse().find((m) => m.due)?.due ?? null;
      insert.run(
        thread.id,
        series,
        first.text,
        thread.mentions.map((m) => taskText(m.text)).find(Boolean) ?? '',
        JSON.stringify(owners),
        last.status,
        due,
        first.date,
        last.date,
        new Set(thread.mentions.map((m) => m.source)).size,
        first.id,
        last.id,
      );
      for (const o of owners) owner.run(thread.id, o);
      for (const m of thread.mentions) setItem.run(thread.id, m.id);
    }
    reattachChanges(db, series);
    const update = statement(db, 'UPDATE tracked_items SET status = ? WHERE id = ?');
    for (const row of statement(
      db,
      'SELECT id, minutes_status, last_mentioned FROM tracked_items WHERE series IS ?',
    ).all(series) as {
      id: string;
      minutes_status: ActionStatus;
      last_mentioned: string | null;
    }[]) {
      update.run(effectiveStatus(db, row.id, row.minutes_status, row.last_mentioned), row.id);
    }
    refreshSearchStatus(db, series);
    refreshItemFacets(db, series);
  }).immediate();
}

/**
 * Give the latest mention of each item of a series the item's owners as the sixth facet value, and
 * every other mention null (src/store/search-tally.ts), so that search counts owners and statuses
 * of items, as the lists do. A document whose value changes moves to the set that has it.
 */
function refreshItemFacets(db: DB, series: string | null): void {
  const moved = statement(
    db,
    `SELECT d.id, json_set(f.facets, '$[5]', CASE WHEN t.last_mention_id = a.id THEN json(t.owners) END) AS facets
     FROM search_docs d JOIN action_items a ON a.id = d.ref_id JOIN tracked_items t ON t.id = a.item_id
     JOIN search_doc_facets x ON x.doc_id = d.id JOIN search_facets f ON f.id = x.facet_id
     WHERE d.kind = 'action' AND d.meeting_id IN (SELECT id FROM meetings WHERE series IS ?)
       AND json_set(f.facets, '$[5]', CASE WHEN t.last_mention_id = a.id THEN json(t.owners) END) IS NOT f.facets`,
  )
    .raw()
    .all(series) as [number, string][];
  const addSet = statement(db, 'INSERT INTO search_facets (facets) VALUES (?) ON CONFLICT (facets) DO NOTHING');
  const setId = statement<[string], { id: number }>(db, 'SELECT id FROM search_facets WHERE facets = ?');
  const move = statement(db, 'UPDATE search_doc_facets SET facet_id = ? WHERE doc_id = ?');
  for (const [doc, facets] of moved) {
    addSet.run(facets);
    move.run(setId.get(facets)!.id, doc);
  }
}

export interface TrackedItemFilter extends MeetingFilter, Page {
  owner?: string;
  status?: ActionStatus | 'all';
  /** Which open items: live (the default), stale, overdue, or all. Done and dropped items have no such state. */
  state?: StateFilter;
  /** Only items not mentioned in this many days before `today` (the MCP tool's stale_days). */
  stale?: number;
  /** Only items with a due date (for a calendar). */
  due?: boolean;
  /** The day states are judged on (default: see referenceDay). */
  today?: string;
  /** The live window for this call, over the knowledge base's setting. */
  window?: Partial<LiveWindow>;
}

/** A list of items, with what its state filter left out and the day and window it judged by. */
export interface TrackedItemPage extends PageOf<TrackedItem> {
  /** Stale open items the other filters kept but a live-only list left out (see them with state=stale or all). */
  staleLeftOut: number;
  today: string;
  window: LiveWindow;
}

const COLUMNS = `t.id, t.series, t.text, coalesce(t.task, t.text) AS task, t.owners, t.status, t.due,
  t.first_raised AS firstRaised, t.last_mentioned AS lastMentioned, t.meetings, fm.id AS meetingId, fm.source, f.line,
  lm.id AS lastMeetingId, lm.source AS lastSource, l.line AS lastLine`;
const FROM = `tracked_items t
  JOIN action_items f ON f.id = t.first_mention_id JOIN meetings fm ON fm.id = f.meeting_id
  JOIN action_items l ON l.id = t.last_mention_id JOIN meetings lm ON lm.id = l.meeting_id`;

type ItemRow = Omit<TrackedItem, 'owners' | 'state' | 'overdue'> & { owners: string };

/**
 * The day states are judged on: the one given, else the day of the newest meeting of the knowledge
 * base, but never after the real date. Minutes arrive after their meeting, so a knowledge base fed
 * every week has its newest meeting within days of the real date; an archive is judged as of its
 * last meeting, where its items were live, not as of the day someone reads it.
 */
export function referenceDay(db: DB, today?: string): string {
  if (today !== undefined) {
    if (!isIsoDay(today)) throw new Error(`today: expected a date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
    return today;
  }
  const real = new Date().toISOString().slice(0, 10);
  const newest = (
    statement(db, 'SELECT max(date) AS date FROM meetings WHERE date <= ?').get(real) as { date: string | null }
  ).date;
  return newest ?? real;
}

/** The live window: the knowledge base's setting, with parts given for this call. */
function windowOf(db: DB, given: Partial<LiveWindow> = {}): LiveWindow {
  const stored = liveWindow(db);
  return { meetings: given.meetings ?? stored.meetings, days: given.days ?? stored.days };
}

/** Per series (null as ''), the first day from which a mention keeps an item live. */
function liveSinceBySeries(db: DB, window: LiveWindow, today: string): Record<string, string> {
  const dates = new Map<string, string[]>();
  for (const row of statement(
    db,
    "SELECT coalesce(series, '') AS series, date FROM meetings WHERE date IS NOT NULL",
  ).all() as { series: string; date: string }[]) {
    const list = dates.get(row.series) ?? dates.set(row.series, []).get(row.series)!;
    list.push(row.date);
  }
  return Object.fromEntries([...dates].map(([series, list]) => [series, liveSince(list, window, today)]));
}

/** How states are judged for one list: the day, the window and each series' live-since day. */
export interface Judge {
  today: string;
  window: LiveWindow;
  since: Record<string, string>;
}

export function judge(db: DB, filter: { today?: string; window?: Partial<LiveWindow> } = {}): Judge {
  const today = referenceDay(db, filter.today);
  const window = windowOf(db, filter.window);
  return { today, window, since: liveSinceBySeries(db, window, today) };
}

/**
 * Whether an open item `t` is live, in SQL: its last mention on or after its series' live-since
 * day. The days are written into the SQL (checked ISO dates, quoted) so that it can stand in columns.
 */
export function liveSql(j: Judge): string {
  const cases = Object.entries(j.since).map(([series, since]) => `WHEN ${quote(series)} THEN ${quote(since)}`);
  const since =
    cases.length > 0 ? `CASE coalesce(t.series, '') ${cases.join(' ')} ELSE ${quote(j.today)} END` : quote(j.today);
  return `coalesce(t.last_mentioned >= ${since}, 0)`;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Search documents `d` that are mentions of open items in a state (`is:live`, `is:stale`,
 * `is:overdue` in the search box), judged as the lists judge them by default.
 */
export function stateMentionsClause(db: DB, state: Exclude<StateFilter, 'all'>): Clause {
  const j = judge(db);
  const condition = state === 'overdue' ? `t.due < '${j.today}'` : `${state === 'stale' ? 'NOT ' : ''}${liveSql(j)}`;
  return {
    sql: `d.kind = 'action' AND d.ref_id IN
      (SELECT a.id FROM action_items a JOIN tracked_items t ON t.id = a.item_id WHERE t.status = 'open' AND ${condition})`,
    params: [],
  };
}

function stateClause(state: StateFilter, j: Judge): Clause | null {
  if (state === 'live') return { sql: `t.status <> 'open' OR ${liveSql(j)}`, params: [] };
  if (state === 'stale') return { sql: `t.status = 'open' AND NOT ${liveSql(j)}`, params: [] };
  if (state === 'overdue') return { sql: `t.status = 'open' AND t.due < ?`, params: [j.today] };
  return null;
}

function toItem(row: ItemRow, j: Judge): TrackedItem {
  const since = j.since[row.series ?? ''] ?? j.today;
  return {
    ...row,
    owners: JSON.parse(row.owners) as string[],
    state: itemState(row.status, row.lastMentioned, since),
    overdue: isOverdue(row.status, row.due, j.today),
  };
}

/** The clauses of every filter but the state. */
function itemClauses(db: DB, filter: TrackedItemFilter, today: string): Clause[] {
  const clauses: Clause[] = [];
  if (filter.series) clauses.push({ sql: 't.series = ?', params: [filter.series] });
  if (filter.from) clauses.push({ sql: 't.last_mentioned >= ?', params: [filter.from] });
  if (filter.to) clauses.push({ sql: 't.first_raised <= ?', params: [filter.to] });
  const status = filter.status ?? 'open';
  if (status !== 'all') clauses.push({ sql: 't.status = ?', params: [status] });
  if (filter.owner && normaliseName(filter.owner) === NO_OWNER) clauses.push({ sql: "t.owners = '[]'", params: [] });
  else if (filter.owner) {
    const ids = ownerIds(db, filter.owner);
    clauses.push({
      sql: `t.id IN (SELECT item_id FROM tracked_item_owners WHERE owner IN (${ids.map(() => '?').join(', ')}))`,
      params: ids,
    });
  }
  if (filter.due) clauses.push({ sql: 't.due IS NOT NULL', params: [] });
  if (filter.stale !== undefined) {
    const cutoff = new Date(Date.parse(today) - filter.stale * 86_400_000).toISOString().slice(0, 10);
    clauses.push({ sql: 't.last_mentioned < ?', params: [cutoff] });
  }
  return clauses;
}

/**
 * Action items (each once, however often carried): overdue first, then oldest first raised.
 * Open items are live only unless `state` says otherwise; the page says how many stale ones that left out.
 */
export function listTrackedItems(db: DB, filter: TrackedItemFilter = {}): TrackedItemPage {
  const j = judge(db, filter);
  const clauses = itemClauses(db, filter, j.today);
  const state = filter.state ?? 'live';
  const byState = stateClause(state, j);
  const overdueFirst = `coalesce(t.status = 'open' AND t.due < '${j.today}', 0) DESC, t.first_raised, t.id`;
  const result = page<ItemRow>(
    db,
    { columns: COLUMNS, from: FROM, clauses: byState ? [...clauses, byState] : clauses, orderBy: overdueFirst },
    filter,
  );
  let staleLeftOut = 0;
  if (state === 'live') {
    const w = where([...clauses, stateClause('stale', j)!]);
    staleLeftOut = (
      statement(db, `SELECT count(*) AS n FROM tracked_items t ${w.sql}`).get(...w.params) as { n: number }
    ).n;
  }
  return {
    ...result,
    items: result.items.map((row) => toItem(row, j)),
    staleLeftOut,
    today: j.today,
    window: j.window,
  };
}

export interface TrackedItemDetail extends TrackedItem {
  history: ItemMention[];
  changes: ItemChange[];
}

/** One item with every mention (meeting date, file, line, status then, text then) and every manual change. */
export function getTrackedItem(
  db: DB,
  id: string,
  filter: { today?: string; window?: Partial<LiveWindow> } = {},
): TrackedItemDetail | null {
  const row = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = ?`).get(id) as ItemRow | undefined;
  if (!row) return null;
  const j = judge(db, filter);
  const history = (
    statement(
      db,
      `SELECT m.id AS meetingId, m.date, m.source, a.line, a.status, a.carried, a.text,
         (SELECT json_group_array(owner) FROM (SELECT owner FROM action_item_owners WHERE action_item_id = a.id ORDER BY position)) AS owners
       FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.item_id = ? ORDER BY m.date, m.source, a.line`,
    ).all(id) as (Omit<ItemMention, 'owners' | 'carried'> & { owners: string; carried: number })[]
  ).map((m) => ({ ...m, owners: JSON.parse(m.owners) as string[], carried: m.carried === 1 }));
  const changes = statement(
    db,
    'SELECT changed_at AS changedAt, status, note, as_of AS asOf FROM item_changes WHERE item_id = ? ORDER BY id',
  ).all(id) as ItemChange[];
  return { ...toItem(row, j), history, changes };
}

/** Close, drop or reopen an item by hand; kept across re-imports until later minutes report on it. */
export function changeItemStatus(
  db: DB,
  id: string,
  status: ActionStatus,
  note: string | null,
  now = new Date().toISOString(),
): TrackedItemDetail | null {
  const item = getTrackedItem(db, id);
  if (!item) return null;
  db.transaction(() => {
    statement(
      db,
      'INSERT INTO item_changes (item_id, changed_at, status, note, as_of, series, first_raised, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, now, status, note, item.lastMentioned, item.series, item.firstRaised, item.text);
    statement(db, 'UPDATE tracked_items SET status = ? WHERE id = ?').run(status, id);
    refreshSearchStatus(db, item.series);
  }).immediate();
  return getTrackedItem(db, id);
}

/** The date of the latest meeting of a series, or null. */
export function latestMeetingDate(db: DB, series: string): string | null {
  return (
    statement(db, 'SELECT max(date) AS date FROM meetings WHERE series = ?').get(series) as { date: string | null }
  ).date;
}

export interface Digest {
  series: string;
  since: string;
  /** Open items of the series now: live, stale and overdue (live or stale). */
  open: { live: number; stale: number; overdue: number };
  meetings: { id: number; date: string | null; source: string }[];
  raised: TrackedItem[];
  closed: TrackedItem[];
  decisions: { date: string | null; source: string; line: number; text: string }[];
}

/**
 * What happened in a series since a date (its meetings on or after it): items first raised
 * then, items a meeting then reported done or dropped, and the decisions taken.
 */
export function digest(
  db: DB,
  series: string,
  since: string,
  judged: { today?: string; window?: Partial<LiveWindow> } = {},
): Digest {
  const all = listTrackedItems(db, { ...judged, series, status: 'all', state: 'all', limit: -1 }).items;
  const open = all.filter((i) => i.status === 'open');
  const closedIds = new Set(
    (
      statement(
        db,
        `SELECT DISTINCT a.item_id AS id FROM action_items a JOIN meetings m ON m.id = a.meeting_id
         WHERE m.series = ? AND m.date >= ? AND a.status <> 'open'
           AND NOT EXISTS (SELECT 1 FROM action_items b JOIN meetings n ON n.id = b.meeting_id
                           WHERE b.item_id = a.item_id AND n.date < ? AND b.status <> 'open')`,
      ).all(series, since, since) as { id: string }[]
    ).map((r) => r.id),
  );
  return {
    series,
    since,
    open: {
      live: open.filter((i) => i.state === 'live').length,
      stale: open.filter((i) => i.state === 'stale').length,
      overdue: open.filter((i) => i.overdue).length,
    },
    meetings: statement(
      db,
      'SELECT id, date, source FROM meetings WHERE series = ? AND date >= ? ORDER BY date, source',
    ).all(series, since) as Digest['meetings'],
    raised: all.filter((i) => i.firstRaised !== null && i.firstRaised >= since),
    closed: all.filter((i) => closedIds.has(i.id)),
    decisions: statement(
      db,
      `SELECT m.date, m.source, d.line, d.text FROM decisions d JOIN meetings m ON m.id = d.meeting_id
       WHERE m.series = ? AND m.date >= ? ORDER BY m.date, m.source, d.line`,
    ).all(series, since) as Digest['decisions'],
  };
}
