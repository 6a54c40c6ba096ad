/**
 * What one file of minutes becomes. This is the contract between the parser and
 * everything downstream; `schema/meeting-record.schema.json` is the same shape
 * as JSON Schema, and names and line numbers follow `shared/docs/annotation.md`.
 */

/** 1-based line in the source file where an item begins. */
export type Line = number;

/** A normalised name: a handle without "@", lowercased; or a plain name, lowercased. */
export type PersonId = string;

export type ActionStatus = 'open' | 'done' | 'dropped';

export interface Participant {
  id: PersonId;
  name: string | null;
  handle: string | null;
  /** Initials the list gives ("Allen Wirfs-Brock (AWB)"), by which a transcript names the speaker. */
  initials?: string;
}

export interface AgendaItem {
  line: Line;
  title: string;
  owners: PersonId[];
  /** 1 for a topic, 2 for a sub-topic, ... */
  depth: number;
}

export interface ActionItem {
  line: Line;
  text: string;
  owners: PersonId[];
  status: ActionStatus;
  /** True when this mentions an action item raised in an earlier meeting. */
  carried: boolean;
  due: string | null;
  /** Title of the nearest enclosing agenda item. */
  agenda: string | null;
  /**
   * Owners written as a first name, a full name or initials that name one participant of the same
   * meeting, with the participant's id: `{ "kurt": "garloff", "awb": "allen wirfs-brock" }`.
   */
  resolvedOwners?: Record<PersonId, PersonId>;
}

export interface Decision {
  line: Line;
  text: string;
  agenda: string | null;
}

export interface Link {
  line: Line;
  url: string;
}

export interface Warning {
  line: Line | null;
  message: string;
}

export interface MeetingRecord {
  source: string;
  date: string | null;
  title: string | null;
  series: string | null;
  participants: Participant[];
  agenda: AgendaItem[];
  actionItems: ActionItem[];
  decisions: Decision[];
  links: Link[];
  warnings: Warning[];
}

/** What a file that cannot be parsed gives instead of a record. */
export interface FailedRecord {
  source: string;
  error: string;
}

export type ParseResult = MeetingRecord | FailedRecord;

export function isFailed(result: ParseResult): result is FailedRecord {
  return 'error' in result;
}
