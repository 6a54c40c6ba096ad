import type { MeetingRecord } from '../parse/meeting-record.js';
import type { DB } from './database.js';
import { addSearchDoc, type SearchDoc } from './search-docs.js';
import { statement } from './statements.js';
import { relinkSeries } from './tracked-items.js';

export interface StoredFile {
  record: MeetingRecord;
  /** sha256 of the file's bytes: an unchanged file is not written again. */
  contentHash: string;
  body: string;
}

export type WriteOutcome = 'imported' | 'replaced' | 'unchanged';

/** The id, content hash and series of a source, if it was imported before. */
export function storedMeeting(
  db: DB,
  source: string,
): { id: number; contentHash: string; series: string | null } | null {
  return (
    statement<[string], { id: number; contentHash: string; series: string | null }>(
      db,
      'SELECT id, content_hash AS contentHash, series FROM meetings WHERE source = ?',
    ).get(source) ?? null
  );
}

/** Learn "Name (@handle)" pairs; a name learned later fills a person who had none. */
function learnPeople(db: DB, record: MeetingRecord): void {
  const upsert = statement(
    db,
    `INSERT INTO people (id, name, handle) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = coalesce(people.name, excluded.name), handle = coalesce(people.handle, excluded.handle)`,
  );
  for (const p of record.participants) upsert.run(p.id, p.name, p.handle);
}

/** Insert a meeting and its records; `id` keeps a replaced meeting's id, so links to it stay valid. */
function insertRecord(db: DB, file: StoredFile, importedAt: string, id: number | null): number {
  const { record } = file;
  const meetingId = Number(
    statement(
      db,
      `INSERT INTO meetings (id, source, series, date, title, content_hash, imported_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, record.source, record.series, record.date, record.title, file.contentHash, importedAt, file.body)
      .lastInsertRowid,
  );
  const index = (kind: SearchDoc['kind'], refId: number, text: string, action?: SearchDoc['action']) =>
    addSearchDoc(db, { meetingId, kind, refId, series: record.series, date: record.date, text, action });

  learnPeople(db, record);
  const participant = statement(
    db,
    'INSERT INTO participants (meeting_id, position, person_id, name, handle, initials) VALUES (?, ?, ?, ?, ?, ?)',
  );
  record.participants.forEach((p, i) => participant.run(meetingId, i, p.id, p.name, p.handle, p.initials ?? null));

  const agenda = statement(
    db,
    'INSERT INTO agenda_items (meeting_id, line, title, owners, depth) VALUES (?, ?, ?, ?, ?)',
  );
  for (const a of record.agenda) agenda.run(meetingId, a.line, a.title, JSON.stringify(a.owners), a.depth);

  const action = statement(
    db,
    'INSERT INTO action_items (meeting_id, line, text, status, carried, due, agenda) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const owner = statement(
    db,
    'INSERT INTO action_item_owners (action_item_id, position, owner, person_id) VALUES (?, ?, ?, ?)',
  );
  for (const a of record.actionItems) {
    const id = Number(
      action.run(meetingId, a.line, a.text, a.status, a.carried ? 1 : 0, a.due, a.agenda).lastInsertRowid,
    );
    a.owners.forEach((o, i) => owner.run(id, i, o, a.resolvedOwners?.[o] ?? null));
    index('action', id, a.text, a);
  }

  const decision = statement(db, 'INSERT INTO decisions (meeting_id, line, text, agenda) VALUES (?, ?, ?, ?)');
  for (const d of record.decisions) {
    const id = Number(decision.run(meetingId, d.line, d.text, d.agenda).lastInsertRowid);
    index('decision', id, d.text);
  }

  const link = statement(db, 'INSERT INTO links (meeting_id, line, url) VALUES (?, ?, ?)');
  for (const l of record.links) link.run(meetingId, l.line, l.url);
  const warning = statement(db, 'INSERT INTO warnings (meeting_id, line, message) VALUES (?, ?, ?)');
  for (const w of record.warnings) warning.run(meetingId, w.line, w.message);

  index('meeting', meetingId, [record.title ?? '', file.body].join('\n'));
  return meetingId;
}

/**
 * Store one parsed file in one transaction: a new source is inserted, a source whose
 * content hash is unchanged is left alone, a changed one has its records replaced.
 * If anything throws, the transaction rolls back and the database is as it was.
 */
export function writeMeeting(
  db: DB,
  file: StoredFile,
  importedAt = new Date().toISOString(),
): { outcome: WriteOutcome; id: number; series: (string | null)[] } {
  return db
    .transaction(() => {
      const existing = storedMeeting(db, file.record.source);
      if (existing?.contentHash === file.contentHash)
        return { outcome: 'unchanged' as const, id: existing.id, series: [] };
      if (existing) statement(db, 'DELETE FROM meetings WHERE id = ?').run(existing.id);
      const id = insertRecord(db, file, importedAt, existing?.id ?? null);
      // The series whose action items must be linked again: this one, and the one it left.
      const series =
        existing && existing.series !== file.record.series
          ? [file.record.series, existing.series]
          : [file.record.series];
      // A replaced file took mentions away from items; link its series again at once, so that
      // no reader sees items without them. New files wait for the end of their batch.
      if (existing) for (const s of series) relinkSeries(db, s);
      return { outcome: existing ? ('replaced' as const) : ('imported' as const), id, series };
    })
    .immediate();
}
