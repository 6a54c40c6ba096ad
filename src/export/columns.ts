import type { StoredDecision } from '../store/decisions.js';
import type { MeetingSummary } from '../store/meetings.js';
import type { TrackedItem } from '../store/tracked-items.js';
import type { Column } from './csv.js';

/** The columns of each export, in the order a reader scans them: what, who, when, where. */
export const actionItemColumns: Column<TrackedItem>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'task', value: (a) => a.task },
  { header: 'owners', value: (a) => a.owners.join('; ') },
  { header: 'status', value: (a) => a.status },
  { header: 'state', value: (a) => a.state },
  { header: 'overdue', value: (a) => (a.overdue ? 'yes' : '') },
  { header: 'due', value: (a) => a.due },
  { header: 'series', value: (a) => a.series },
  { header: 'first_raised', value: (a) => a.firstRaised },
  { header: 'last_mentioned', value: (a) => a.lastMentioned },
  { header: 'meetings', value: (a) => a.meetings },
  { header: 'source', value: (a) => a.source },
  { header: 'line', value: (a) => a.line },
  { header: 'text', value: (a) => a.text },
];

export const decisionColumns: Column<StoredDecision>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'text', value: (d) => d.text },
  { header: 'agenda', value: (d) => d.agenda },
  { header: 'series', value: (d) => d.series },
  { header: 'date', value: (d) => d.date },
  { header: 'source', value: (d) => d.source },
  { header: 'line', value: (d) => d.line },
];

export const meetingColumns: Column<MeetingSummary>[] = [
  { header: 'id', value: (m) => m.id },
  { header: 'date', value: (m) => m.date },
  { header: 'series', value: (m) => m.series },
  { header: 'title', value: (m) => m.title },
  { header: 'source', value: (m) => m.source },
  { header: 'action_items', value: (m) => m.actionItems },
  { header: 'decisions', value: (m) => m.decisions },
  { header: 'participants', value: (m) => m.participants },
];
