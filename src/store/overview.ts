import type { DB } from './database.js';
import { statement } from './statements.js';
import { judge } from './tracked-items.js';

/** Open items of one series or one owner: live ones, stale ones, and those past their due date. */
export interface OpenCount {
  key: string;
  name?: string | null;
  live: number;
  /** Open items no meeting of their series mentions any more (src/track/item-states.ts). */
  stale: number;
  overdue: number;
}

/** One month (YYYY-MM) of one series, or of all series when `series` is null. */
export interface MonthCount {
  month: string;
  series: string | null;
  decisions: number;
  raised: number;
  closed: number;
}

export interface Overview {
  /** The day states are judged on (the newest meeting's, never after the real date). */
  today: string;
  window: { meetings: number; days: number };
  meetings: number;
  series: number;
  latestMeeting: string | null;
  live: number;
  stale: number;
  overdue: number;
  bySeries: OpenCount[];
  byOwner: OpenCount[];
  decisions: {
    id: number;
    meetingId: number;
    series: string | null;
    date: string | null;
    line: number;
    text: string;
  }[];
  /** The months charted, oldest first, ending at the month of the latest meeting. */
  months: string[];
  /** Per month and series: decisions taken, action items first raised, items closed or dropped. */
  perSeries: MonthCount[];
  /** The same summed over every series. */
  total: MonthCount[];
}

export interface OverviewOptions {
  /** Months charted, ending at the month of the latest meeting (default 24). */
  months?: number;
  /** Rows of the by-owner and by-series lists (default 12). */
  top?: number;
  /** The day states are judged on (default: the items' reference day). */
  today?: string;
}

/** `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * When an item stopped being open: the first meeting that reported it done or dropped, or else the
 * day it was changed by hand.
 */
const CLOSED_ON = `coalesce(
  (SELECT min(m.date) FROM action_items a JOIN meetings m ON m.id = a.meeting_id
   WHERE a.item_id = t.id AND a.status <> 'open'),
  (SELECT substr(max(c.changed_at), 1, 10) FROM item_changes c WHERE c.item_id = t.id))`;

/** What a team reads first: open items by series and owner, the newest decisions, and activity per month. */
export function overview(db: DB, options: OverviewOptions = {}): Overview {
  const j = judge(db, { today: options.today });
  const top = options.top ?? 12;
  const params = { today: j.today, since: JSON.stringify(j.since), top };
  // Each open item once, with whether it is stale: its last mention before its series' live-since day.
  const open = `WITH since AS (SELECT key AS series, value AS day FROM json_each(@since)),
    open AS (SELECT t.id, t.series, t.due, NOT coalesce(t.last_mentioned >= s.day, 0) AS stale
             FROM tracked_items t LEFT JOIN since s ON s.series = coalesce(t.series, '') WHERE t.status = 'open')`;
  const counts = `coalesce(sum(NOT o.stale), 0) AS live, coalesce(sum(o.stale), 0) AS stale,
    coalesce(sum(o.due < @today), 0) AS overdue`;
  const totals = statement(
    db,
    `${open} SELECT (SELECT count(*) FROM meetings) AS meetings,
       (SELECT count(DISTINCT series) FROM meetings) AS series,
       (SELECT max(date) FROM meetings WHERE date <= @today) AS latestMeeting, ${counts} FROM open o`,
  ).get(params) as Pick<Overview, 'meetings' | 'series' | 'latestMeeting' | 'live' | 'stale' | 'overdue'>;
  const bySeries = statement(
    db,
    `${open} SELECT coalesce(o.series, '') AS key, ${counts} FROM open o
     GROUP BY o.series ORDER BY live DESC, overdue DESC, stale DESC, key LIMIT @top`,
  ).all(params) as OpenCount[];
  const byOwner = statement(
    db,
    `${open} SELECT w.owner AS key, (SELECT name FROM people WHERE id = w.owner) AS name, ${counts}
     FROM tracked_item_owners w JOIN open o ON o.id = w.item_id
     GROUP BY w.owner ORDER BY live DESC, overdue DESC, stale DESC, key LIMIT @top`,
  ).all(params) as OpenCount[];
  const decisions = statement(
    db,
    `SELECT d.id, d.meeting_id AS meetingId, m.series, m.date, d.line, d.text
     FROM decisions d JOIN meetings m ON m.id = d.meeting_id
     WHERE m.date <= @today ORDER BY m.date DESC, m.source, d.line LIMIT 8`,
  ).all(params) as Overview['decisions'];
  const months = totals.latestMeeting ? monthsUpTo(totals.latestMeeting.slice(0, 7), options.months ?? 24) : [];
  return {
    today: j.today,
    window: j.window,
    ...totals,
    bySeries,
    byOwner,
    decisions,
    months,
    ...perMonth(db, months),
  };
}

/** Decisions, raised and closed items per month and series within the months given. */
function perMonth(db: DB, months: string[]): { perSeries: MonthCount[]; total: MonthCount[] } {
  if (months.length === 0) return { perSeries: [], total: [] };
  const range = [months[0]!, months[months.length - 1]!];
  const rows = statement(
    db,
    `WITH events AS (
       SELECT m.series, substr(m.date, 1, 7) AS month, 'decisions' AS what
       FROM decisions d JOIN meetings m ON m.id = d.meeting_id
       UNION ALL SELECT t.series, substr(t.first_raised, 1, 7), 'raised' FROM tracked_items t
       UNION ALL SELECT t.series, substr(${CLOSED_ON}, 1, 7), 'closed' FROM tracked_items t WHERE t.status <> 'open'
     )
     SELECT series, month, sum(what = 'decisions') AS decisions, sum(what = 'raised') AS raised,
       sum(what = 'closed') AS closed
     FROM events WHERE month BETWEEN ? AND ? GROUP BY series, month ORDER BY series, month`,
  ).all(...range) as MonthCount[];
  const sums = new Map(
    months.map((month) => [month, { month, series: null, decisions: 0, raised: 0, closed: 0 } as MonthCount]),
  );
  for (const row of rows) {
    const sum = sums.get(row.month)!;
    sum.decisions += row.decisions;
    sum.raised += row.raised;
    sum.closed += row.closed;
  }
  return { perSeries: rows, total: [...sums.values()] };
}
