import type { DB } from './database.js';
import { meetingClauses, page, type MeetingFilter, type Page, type PageOf } from './filters.js';

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

/** Decisions, newest meeting first. */
export function listDecisions(db: DB, filter: MeetingFilter & Page = {}): PageOf<StoredDecision> {
  return page<StoredDecision>(
    db,
    {
      columns: 'd.id, d.meeting_id AS meetingId, m.source, m.series, m.date, d.line, d.text, d.agenda',
      from: 'decisions d JOIN meetings m ON m.id = d.meeting_id',
      clauses: meetingClauses(filter),
      orderBy: 'm.date DESC, m.source, d.line',
    },
    filter,
  );
}
