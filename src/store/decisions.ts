import type { DB } from './database.js';
import { meetingClauses, ownerIds, page, type MeetingFilter, type Page, type PageOf } from './filters.js';

export interface StoredDecision {
  id: number;
  meetingId: number;
  source: string;
  series: string | null;
  date: string | null;
  line: number;
  text: string;
  agenda: string | null;
}

export interface DecisionFilter extends MeetingFilter, Page {
  /** Only decisions of meetings this person attended (handle or any known name). */
  attendee?: string;
}

/** Decisions, newest meeting first. */
export function listDecisions(db: DB, filter: DecisionFilter = {}): PageOf<StoredDecision> {
  const clauses = meetingClauses(filter);
  if (filter.attendee) {
    const ids = ownerIds(db, filter.attendee);
    clauses.push({
      sql: `m.id IN (SELECT meeting_id FROM participants WHERE person_id IN (${ids.map(() => '?').join(', ')}))`,
      params: ids,
    });
  }
  return page<StoredDecision>(
    db,
    {
      columns: 'd.id, d.meeting_id AS meetingId, m.source, m.series, m.date, d.line, d.text, d.agenda',
      from: 'decisions d JOIN meetings m ON m.id = d.meeting_id',
      clauses,
      orderBy: 'm.date DESC, m.source, d.line',
    },
    filter,
  );
}
