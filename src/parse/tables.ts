import type { Unit } from './units.js';
import { COLUMN_WORDS, type ColumnRole } from './vocabulary.js';

/** What a table holds, as its header says: a decision log, a list of tasks, or the people present. */
export type TableKind = 'decisions' | 'actions' | 'attendees';

/** The role of each column of a header row, by its words (COLUMN_WORDS), or null for a column of none. */
function columnRoles(header: string[]): (ColumnRole | null)[] {
  return header.map((cell) => COLUMN_WORDS.find(([, words]) => words.test(cell))?.[0] ?? null);
}

/**
 * The kind of a table from its columns: a Decision column makes a decision log ("| Decision | Details |",
 * "| Decisions made in July | Why |"); an Action column, or an Owner column beside a Due or Status one,
 * a task list; a Name column beside a Role, Company or Initials one, or an Attendee column, the people present.
 */
export function tableKind(header: string[]): TableKind | null {
  const roles = columnRoles(header);
  if (roles.includes('decision')) return 'decisions';
  if (roles.includes('action') && (roles.includes('owner') || roles.includes('due') || roles.includes('status')))
    return 'actions';
  if (roles.includes('owner') && (roles.includes('due') || roles.includes('status'))) return 'actions';
  if (header.some((h) => /^(?:attendees?|participants?|teilnehmer(?:innen)?)$/i.test(h.trim()))) return 'attendees';
  if (roles[0] === 'name' && roles.includes('affiliation')) return 'attendees';
  return null;
}

/** Kinds worked out once per table: every row of a table shares its header array. */
const kinds = new WeakMap<string[], TableKind | null>();

/** The kind of the table a row belongs to, or null for a unit that is no table row. */
export function rowKind(unit: Unit): TableKind | null {
  if (unit.kind !== 'row' || !unit.header) return null;
  let kind = kinds.get(unit.header);
  if (kind === undefined) kinds.set(unit.header, (kind = tableKind(unit.header)));
  return kind;
}

/** The cell of a row in the first column of a role, or null. */
export function cellOf(unit: Unit, role: ColumnRole): string | null {
  if (!unit.header || !unit.cells) return null;
  const index = columnRoles(unit.header).indexOf(role);
  return index >= 0 ? (unit.cells[index] ?? null) : null;
}
