import type { ActionStatus, MeetingRecord } from '../parse/meeting-record.js';
import type { DB } from './database.js';
import { meetingClauses, page, type MeetingFilter, type Page, type PageOf } from './filters.js';
import { statement } from './statements.js';
import { relinkSeries } from './tracked-items.js';

export interface MeetingSummary {
  id: number;
  source: string;
  series: string | null;
  date: string | null;
  title: string | null;
  actionItems: number;
  decisions: number;
  participants: number;
  importedAt: string;
}

/** Meetings, newest first, with how many action items, decisions and participants each has. */
export function listMeetings(db: DB, filter: MeetingFilter & Page = {}): PageOf<MeetingSummary> {
  return page<MeetingSummary>(
    db,
    {
      columns: `m.id, m.source, m.series, m.date, m.title, m.imported_at AS importedAt,
        (SELECT count(*) FROM action_items WHERE meeting_id = m.id) AS actionItems,
        (SELECT count(*) FROM decisions WHERE meeting_id = m.id) AS decisions,
        (SELECT count(*) FROM participants WHERE meeting_id = m.id) AS participants`,
      from: 'meetings m',
      clauses: meetingClauses(filter),
      orderBy: 'm.date DESC, m.source',
    },
    filter,
  );
}

/** Another meeting, as a link to it. */
export interface MeetingRef {
  id: number;
  date: string | null;
  source: string;
}

export interface StoredMeeting extends MeetingRecord {
  id: number;
  contentHash: string;
  importedAt: string;
  /** The meetings of the same series just before and after this one (by date, then file name). */
  previous: MeetingRef | null;
  next: MeetingRef | null;
}

/** The meetings of a series either side of one meeting; none for a meeting without series or date. */
function neighbours(
  db: DB,
  meeting: { id: number; series: string | null; date: string | null; source: string },
): Pick<StoredMeeting, 'previous' | 'next'> {
  if (meeting.series === null || meeting.date === null) return { previous: null, next: null };
  const args: [string, string, string, string] = [meeting.series, meeting.date, meeting.date, meeting.source];
  const previous = statement<typeof args, MeetingRef>(
    db,
    `SELECT id, date, source FROM meetings WHERE series = ? AND (date < ? OR (date = ? AND source < ?)) ORDER BY date DESC, source DESC LIMIT 1`,
  ).get(...args);
  const next = statement<typeof args, MeetingRef>(
    db,
    `SELECT id, date, source FROM meetings WHERE series = ? AND (date > ? OR (date = ? AND source > ?)) ORDER BY date, source LIMIT 1`,
  ).get(...args);
  return { previous: previous ?? null, next: next ?? null };
}

/** How many of the given meetings each series holds, largest first ("(none)" for meetings without a series). */
export function meetingsPerSeries(db: DB, ids: number[]): { series: string; meetings: number }[] {
  const counts = new Map<string, number>();
  const query = statement<[number], { series: string | null }>(db, 'SELECT series FROM meetings WHERE id = ?');
  for (const id of ids) {
    const series = query.get(id)?.series ?? '(none)';
    counts.set(series, (counts.get(series) ?? 0) + 1);
  }
  return [...counts]
    .map(([series, meetings]) => ({ series, meetings }))
    .sort((a, b) => b.meetings - a.meetings || a.series.localeCompare(b.series));
}

/** A token that changes whenever a meeting is added, replaced or removed: what caches of rendered meetings key on. */
export function meetingsVersion(db: DB): string {
  const row = statement<[], { n: number; last: string | null; top: number | null }>(
    db,
    'SELECT count(*) AS n, max(imported_at) AS last, max(id) AS top FROM meetings',
  ).get()!;
  return `${row.n}:${row.last}:${row.top}`;
}

/** A meeting's content hash, or null if there is no such meeting: a cheap key for what is rendered from it. */
export function meetingContentHash(db: DB, id: number): string | null {
  return (
    statement<[number], { hash: string }>(db, 'SELECT content_hash AS hash FROM meetings WHERE id = ?').get(id)?.hash ??
    null
  );
}

/** The id of the meeting imported from a source path, or null. */
export function meetingIdBySource(db: DB, source: string): number | null {
  return statement<[string], { id: number }>(db, 'SELECT id FROM meetings WHERE source = ?').get(source)?.id ?? null;
}

/** A meeting taken out of the knowledge base, and the series it was in. */
export interface RemovedMeeting {
  source: string;
  id: number;
  series: string | null;
}

/**
 * Take the meetings imported from these sources out of the knowledge base (their files were
 * deleted), with everything hanging off them (the schema cascades), in one transaction, and link
 * their series again at once (once each), so that no item keeps a mention that is gone. Returns the
 * meetings removed; a source no meeting has is left out.
 */
export function removeMeetingsBySource(db: DB, sources: string[]): RemovedMeeting[] {
  return db
    .transaction(() => {
      const find = statement<[string], { id: number; series: string | null }>(
        db,
        'SELECT id, series FROM meetings WHERE source = ?',
      );
      const remove = statement<[number]>(db, 'DELETE FROM meetings WHERE id = ?');
      const removed: RemovedMeeting[] = [];
      for (const source of sources) {
        const meeting = find.get(source);
        if (!meeting) continue;
        remove.run(meeting.id);
        removed.push({ source, ...meeting });
      }
      for (const series of new Set(removed.map((m) => m.series))) relinkSeries(db, series);
      return removed;
    })
    .immediate();
}

/** The sources of the meetings whose source starts with a prefix (a folder as given on import, and "/"). */
export function meetingSourcesStartingWith(db: DB, prefix: string): string[] {
  return statement<[string], { source: string }>(
    db,
    'SELECT source FROM meetings WHERE instr(source, ?) = 1 ORDER BY source',
  )
    .all(prefix)
    .map((r) => r.source);
}

/** The markdown of one meeting as imported, or null. */
export function meetingBody(db: DB, id: number): string | null {
  return statement<[number], { body: string }>(db, 'SELECT body FROM meetings WHERE id = ?').get(id)?.body ?? null;
}

/** An action item's owners as written, and the participants those written otherwise resolve to. */
function ownersOf(rows: { owner: string; person_id: string | null }[]): {
  owners: string[];
  resolvedOwners?: Record<string, string>;
} {
  const resolved = rows.filter((r) => r.person_id !== null).map((r) => [r.owner, r.person_id!] as const);
  const owners = rows.map((r) => r.owner);
  return resolved.length > 0 ? { owners, resolvedOwners: Object.fromEntries(resolved) } : { owners };
}

/** The whole record of one meeting, as the parser gave it, rebuilt from the tables. */
export function getMeeting(db: DB, id: number): StoredMeeting | null {
  const meeting = statement<
    [number],
    {
      id: number;
      source: string;
      series: string | null;
      date: string | null;
      title: string | null;
      content_hash: string;
      imported_at: string;
    }
  >(db, 'SELECT id, source, series, date, title, content_hash, imported_at FROM meetings WHERE id = ?').get(id);
  if (!meeting) return null;
  const all = <T>(sql: string) => statement(db, sql).all(id) as T[];
  const actionItems = all<{
    id: number;
    line: number;
    text: string;
    status: ActionStatus;
    carried: number;
    due: string | null;
    agenda: string | null;
  }>('SELECT id, line, text, status, carried, due, agenda FROM action_items WHERE meeting_id = ? ORDER BY line, id');
  const owners = statement<[number], { owner: string; person_id: string | null }>(
    db,
    'SELECT owner, person_id FROM action_item_owners WHERE action_item_id = ? ORDER BY position',
  );
  return {
    id: meeting.id,
    source: meeting.source,
    date: meeting.date,
    title: meeting.title,
    series: meeting.series,
    participants: all<{ id: string; name: string | null; handle: string | null; initials: string | null }>(
      'SELECT person_id AS id, name, handle, initials FROM participants WHERE meeting_id = ? ORDER BY position',
    ).map(({ initials, ...p }) => (initials ? { ...p, initials } : p)),
    agenda: all<{ line: number; title: string; owners: string; depth: number }>(
      'SELECT line, title, owners, depth FROM agenda_items WHERE meeting_id = ? ORDER BY line, id',
    ).map((a) => ({ ...a, owners: JSON.parse(a.owners) as string[] })),
    actionItems: actionItems.map(({ id: itemId, ...a }) => ({
      line: a.line,
      text: a.text,
      ...ownersOf(owners.all(itemId)),
      status: a.status,
      carried: a.carried === 1,
      due: a.due,
      agenda: a.agenda,
    })),
    decisions: all('SELECT line, text, agenda FROM decisions WHERE meeting_id = ? ORDER BY line, id'),
    links: all('SELECT line, url FROM links WHERE meeting_id = ? ORDER BY rowid'),
    warnings: all('SELECT line, message FROM warnings WHERE meeting_id = ? ORDER BY rowid'),
    contentHash: meeting.content_hash,
    importedAt: meeting.imported_at,
    ...neighbours(db, meeting),
  };
}
