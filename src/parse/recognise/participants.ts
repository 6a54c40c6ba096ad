import type { Participant } from '../meeting-record.js';
import { cellOf, rowKind } from '../tables.js';
import type { Unit } from '../units.js';
import { ABSENT_NOTE, HANDLE, MEETING_ROLE, PLACEHOLDER } from '../vocabulary.js';
import { allHandles, normaliseName } from './names.js';
import { enclosingSection, labelKind } from './sections.js';

/** Split a line of people at commas and semicolons outside parentheses; bare handles also at spaces. */
export function splitPeople(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    if ((char === ')' || char === ']') && depth > 0) depth--;
    if (depth === 0 && (char === ',' || char === ';')) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts
    .flatMap((part) => {
      const words = part.trim().split(/\s+/);
      return words.length > 1 && words.every((w) => HANDLE.test(w) && w.startsWith('@')) ? words : [part];
    })
    .map((p) => p.replace(/^\s*(?:and|und|&)\s+/i, '').trim())
    .filter(Boolean);
}

/** "Minutes transfer:", "Moderation:" name a role at the meeting, not a person. */
function isRoleLabel(text: string): boolean {
  const kind = labelKind(text);
  return kind === 'housekeeping' || kind === 'logistics';
}

/**
 * One participant from its text: `@garloff`, `Kurt Garloff (@garloff)`, `Kurt Garloff`,
 * `@fkr (guest)`, `Kurt Garloff - S7n`. Null for someone noted as absent ("(sick)")
 * and for text that is no name (a sentence, a bare company label with a colon).
 */
export function participantFrom(text: string): Participant | null {
  const cleaned = text.replace(/^[-*•]\s*/, '').trim();
  if (cleaned === '' || ABSENT_NOTE.test(cleaned) || PLACEHOLDER.test(cleaned)) return null;
  const handleMatch = new RegExp(HANDLE.source).exec(cleaned);
  if (handleMatch) {
    const handle = handleMatch[0].slice(1);
    const rawBefore = cleaned.slice(0, handleMatch.index);
    // "Minutes transfer: @x" names a role, not a person's name; "not: @x" an absence.
    if (/:\s*$/.test(rawBefore))
      return isRoleLabel(rawBefore) || /^not\b/i.test(rawBefore)
        ? null
        : { id: normaliseName(handle), name: null, handle };
    const before = rawBefore.replace(/(?<![\s([,-])[\s([,-]+$/, '').trim();
    const name = before && /^\p{Lu}/u.test(before) && before.split(/\s+/).length <= 4 ? before : null;
    return { id: normaliseName(handle), name, handle };
  }
  const initials = /\(([\p{Lu}]{2,5})\)/u.exec(cleaned)?.[1];
  const name = cleaned
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s[-–—|]\s[\s\S]*/, '')
    .replace(/(?<![.:])[.:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\p{L}/u.test(name) || name.split(' ').length > 4 || /[:!?]/.test(name)) return null;
  return initials
    ? { id: normaliseName(name), name, handle: null, initials }
    : { id: normaliseName(name), name, handle: null };
}

/**
 * A row of a table of people wherever it stands: `| Name | Role |`, `| Attendee | Company |`, `| Name | Abbreviation |
 * Organization |`.
 */
function isAttendeeTableRow(unit: Unit): boolean {
  return rowKind(unit) === 'attendees';
}

/** The text of a unit that lists people: the name column of a table row, else the whole text. */
function peopleText(unit: Unit): string {
  if (unit.kind === 'row' && unit.cells) {
    return cellOf(unit, 'name') ?? unit.cells[0] ?? '';
  }
  return unit.text;
}

/** "Brian Terlson (BT)": a person with the initials a transcript calls them by. */
const NAME_WITH_INITIALS = /^[\p{Lu}][\p{L}'’.-]*(?: [\p{L}'’.-]+){0,4} \([\p{Lu}]{2,5}\)$/u;

/**
 * A line that lists people with their initials, without a label: "Brian Terlson (BT), Allen Wirfs-Brock (AWB), ...".
 */
function isRoster(unit: Unit): boolean {
  if (unit.kind !== 'line' && unit.kind !== 'heading') return false;
  // Most lines hold no three "(INITIALS)": they are not split into people at all.
  if ((unit.text.match(/\([\p{Lu}]{2,5}\)/gu)?.length ?? 0) < 3) return false;
  const parts = splitPeople(unit.text);
  return parts.length >= 3 && parts.filter((p) => NAME_WITH_INITIALS.test(p)).length >= 0.6 * parts.length;
}

function rosterPeople(unit: Unit): Participant[] {
  return splitPeople(unit.text)
    .map(participantFrom)
    .filter((p): p is Participant => p !== null);
}

/** A line or heading that lists who was there: "Remote: Ron Buckton (RBN), ...", or a roster of initials. */
export function isPeopleLine(unit: Unit): boolean {
  const inline = /^([^:]{2,60}):\s*\S/.exec(unit.text);
  return (inline !== null && labelKind(inline[1]!) === 'participants') || isRoster(unit);
}

/**
 * People a unit lists as present: each item, line or row of a Participants section
 * (a group label such as "Company A:" with people under it is skipped), or an inline
 * "Participants: @a, @b" line.
 */
export function recogniseParticipants(unit: Unit): Participant[] {
  const inline = /^([^:]{2,60}):\s*(.+)$/.exec(unit.text);
  if (inline && labelKind(inline[1]!) === 'participants') {
    return splitPeople(inline[2]!)
      .map(participantFrom)
      .filter((p): p is Participant => p !== null);
  }
  // A roster underlined by "-----" is a heading to markdown ("Remote:\nRon Buckton (RBN), ...\n-----").
  if (unit.kind === 'heading') return isRoster(unit) ? rosterPeople(unit) : [];
  if (inline && labelKind(inline[1]!) === 'absent') return [];
  // "Moderator: @x", "Notetaker: @y": people who ran the meeting were at it.
  if (inline && MEETING_ROLE.test(inline[1]!.trim()))
    return allHandles(inline[2]!).map((h) => ({ id: h, name: null, handle: h }));
  const section = enclosingSection(unit);
  if (section?.kind !== 'participants' && !isAttendeeTableRow(unit)) return isRoster(unit) ? rosterPeople(unit) : [];
  if (unit.children.length > 0 && !HANDLE.test(unit.text)) return [];
  // A link on its own line ("[Project overview](...)") is a reference, not a person.
  if (unit.links.length > 0 && !HANDLE.test(unit.text)) return [];
  return splitPeople(peopleText(unit))
    .map(participantFrom)
    .filter((p): p is Participant => p !== null);
}
