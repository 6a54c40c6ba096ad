import type { ActionItem, ActionStatus, PersonId } from '../meeting-record.js';
import { cellOf, rowKind } from '../tables.js';
import { lineAt, type Unit } from '../units.js';
import { dueDate, findDate } from './dates.js';
import { allHandles, isOwnerHandle, leadingHandles, nameList, normaliseName, trailingHandleList } from './names.js';
import { depthBelow, enclosingSection, isInside, labelKind, labelText } from './sections.js';
import {
  DONE_IN_TEXT,
  DONE_WORDS,
  DROPPED_IN_TEXT,
  DROPPED_WORDS,
  INLINE_ACTION,
  LEADING_ACTION,
  NAMED_TASK,
  NICK_TASK,
  NO_ITEMS,
  NOT_AN_ACTION,
  OPEN_WORDS,
  HANDLE,
  ADDRESSED,
  NAME_DASH_TASK,
  QUESTION,
  WEAK_ACTIONS_LABEL,
} from '../vocabulary.js';

/** Words and nothing but punctuation around them: "TODO", "**AI:**". */
function isBareWords(text: string): boolean {
  return /^[^\p{L}]*\p{L}[\p{L} ]*(?<!\s)(?:[^\p{L}\s][^\p{L}]*)?$/u.test(text);
}

/** Bullets, arrows and numbering that may stand before a marker in the text. */
function stripLead(text: string): string {
  return text.replace(/^(?:[-*+•>→]|->|=>|\d+[.)])\s*/, '').trim();
}

/**
 * Owners written at the end: handles in trailing parentheses (`... (@x)`, `(#650, @garloff)`),
 * after a dash (`... - @x, @y`) or simply last (`Board cleanup @a, @b`).
 */
function trailingOwners(text: string): PersonId[] {
  const paren = /\(([^()]*)\)[\s.!]*$/.exec(text);
  if (paren && !/\b(?:support|help|with|from|via|cc)\b/i.test(paren[1]!)) {
    const handles = allHandles(paren[1]!);
    if (handles.length > 0) return handles;
  }
  const list = trailingHandleList(text);
  if (!list) return [];
  const before = list.before;
  if (before.length > 0 && /^[-–—]$/.test(before[before.length - 1]!)) before.pop();
  const lead = before[before.length - 1] ?? '';
  return /^(?:support|help|with|from|via|cc|to)$/i.test(lead) ? [] : list.owners;
}

/** Someone a task is addressed to: "TODO: Chris, could you please provide the link". */
function addressedOwner(text: string): PersonId[] | null {
  const match = ADDRESSED.exec(text);
  return match ? nameList(match[1]!) : null;
}

/** Names before a colon: `Itrich: ...`, `Kurt Garloff, B1: ...`. */
function namesBeforeColon(text: string): PersonId[] {
  const match = /^([^:]{1,60}):/.exec(text);
  return (match && nameList(match[1]!)) || [];
}

/** Owners of "Name to do X" / "@x will do X". */
function namedTaskOwners(text: string): PersonId[] {
  const match = NAMED_TASK.exec(text);
  return match ? (nameList(match[1]!) ?? []) : [];
}

/**
 * Whether a name is one of the file's participants: a lower-case word is an owner only if it is ("talk to X" is no task
 * of "talk").
 */
export type Knows = (id: PersonId) => boolean;
const KNOWS_NOBODY: Knows = () => false;

/** Owners of a text that is a task already: "Name to do X", or a participant's lower-case nickname's "nick to do X". */
function assignedOwners(text: string, knows: Knows): PersonId[] {
  const named = namedTaskOwners(text);
  if (named.length > 0) return named;
  const nick = NICK_TASK.exec(text);
  return nick && isOwnerHandle(nick[1]!) && knows(normaliseName(nick[1]!)) ? [normaliseName(nick[1]!)] : [];
}

/**
 * Owners written after a leading marker: `AI @a, @b: ...`, `AI (@x): ...`, `AI: @x to ...`,
 * `AI Itrich: ...`, `ACTION: Martin to ...`, `TODO: ... (@x)`.
 */
export function ownersAfterMarker(after: string, knows: Knows = KNOWS_NOBODY): PersonId[] {
  let text = after.trimStart();
  const paren = /^\(([^()]*)\)/.exec(text);
  if (paren) {
    const inside = leadingHandles(paren[1]!);
    if (inside.owners.length > 0) return inside.owners;
    // "TODO(JH): add link", "AI(berendt): ask Vexxhost": a name in the owner's place, whatever its case.
    const names =
      nameList(paren[1]!) ??
      (/^[\p{L}\d][\p{L}\d._-]*$/u.test(paren[1]!.trim()) && isOwnerHandle(paren[1]!)
        ? [normaliseName(paren[1]!)]
        : null);
    if (names) return names;
  }
  const direct = leadingHandles(text);
  if (direct.owners.length > 0) return direct.owners;
  if (/^[:\-–]/.test(text)) {
    text = text.replace(/^[:\-–]\s*/, '');
    const afterColon = leadingHandles(text);
    if (afterColon.owners.length > 0) return afterColon.owners;
    const named = assignedOwners(text, knows);
    if (named.length > 0) return named;
    return addressedOwner(text) ?? ownersAfterDash(text) ?? trailingOwners(text);
  }
  const names = namesBeforeColon(text);
  if (names.length > 0) return names;
  return namedTaskOwners(text);
}

/** Names after the last " - ": `need test plan - B1, dNation`. */
function ownersAfterDash(text: string): PersonId[] | null {
  const dash = text.lastIndexOf(' - ');
  if (dash < 0) return null;
  const tail = text.slice(dash + 3);
  return nameList(tail) ?? (allHandles(tail).length > 0 ? allHandles(tail) : null);
}

/** Owners inside a parenthesised marker: `(AI @x)`, `(AI: POs)`, `(AI: Need test plan - B1, dNation)`. */
export function ownersInParens(inside: string): PersonId[] {
  const direct = leadingHandles(inside);
  if (direct.owners.length > 0) return direct.owners;
  const text = inside.replace(/^\s*[:\-–]\s*/, '');
  const afterColon = leadingHandles(text);
  if (afterColon.owners.length > 0) return afterColon.owners;
  const addressed = addressedOwner(text);
  if (addressed) return addressed;
  return ownersAfterDash(text) ?? nameList(text) ?? [];
}

/** The owners an action marker assigns, or null when the text carries no marker. */
export function markedOwners(text: string, knows: Knows = KNOWS_NOBODY): PersonId[] | null {
  const plain = stripLead(text);
  if (NOT_AN_ACTION.test(plain)) return null;
  const leading = LEADING_ACTION.exec(plain);
  if (leading) return ownersAfterMarker(plain.slice(leading[0].length), knows);
  const inline = INLINE_ACTION.exec(plain);
  if (!inline) return null;
  if (inline[1] !== undefined) {
    const owners = ownersInParens(inline[1]);
    return owners.length > 0 ? owners : namedTaskOwners(plain);
  }
  const from = plain.slice(inline.index).replace(/^[\s;,>/]/, '');
  const marker = LEADING_ACTION.exec(from);
  const after = marker ? ownersAfterMarker(from.slice(marker[0].length), knows) : [];
  return after.length > 0 ? after : ownersBeforeMarker(plain.slice(0, inline.index));
}

/** A group or name written just before the marker: "community AI: please try the script", "Kurt AI: ...". */
function ownersBeforeMarker(before: string): PersonId[] {
  const words = before.trim().split(/\s+/);
  if (words.length === 0 || words.length > 2 || words[0] === '') return [];
  return words.every((w) => /^@?[\p{L}\d][\p{L}\d._-]*$/u.test(w) && isOwnerHandle(w))
    ? [normaliseName(words.join(' '))]
    : [];
}

/**
 * The line an action item is on: its unit's, or in a paragraph that wraps over several lines, the line
 * where the marker stands ("... identified [one of his PRs](TODO: Chris," on the second line of three).
 */
function markerLine(unit: Unit): number {
  if (unit.kind !== 'line' || unit.wraps.length === 0 || LEADING_ACTION.test(stripLead(unit.text))) return unit.line;
  const inline = INLINE_ACTION.exec(unit.text);
  return inline ? lineAt(unit, inline.index + 1) : unit.line;
}

/** Owners of an item that is an action by its place (an "Action items" section) rather than by a marker. */
function ownersByPlace(text: string, knows: Knows): PersonId[] {
  const plain = stripLead(text);
  const handles = leadingHandles(plain);
  if (handles.owners.length > 0) return handles.owners;
  const named = assignedOwners(plain, knows);
  if (named.length > 0) return named;
  const names = namesBeforeColon(plain);
  if (names.length > 0) return names;
  const dashed = NAME_DASH_TASK.exec(plain);
  if (dashed) return nameList(dashed[1]!) ?? [];
  return trailingOwners(plain);
}

/** Status a direct child bullet reports: "- DONE", "- still open", "- obsolete, superseded by ...". */
function childStatus(unit: Unit): ActionStatus | null {
  let status: ActionStatus | null = null;
  for (const child of unit.children) {
    const text = stripLead(child.text);
    if (child.struck) continue;
    if (DONE_WORDS.test(text)) status = 'done';
    else if (DROPPED_WORDS.test(text)) status = 'dropped';
    else if (OPEN_WORDS.test(text)) status = 'open';
  }
  return status;
}

/** The status this file gives an action item. */
export function actionStatus(unit: Unit): ActionStatus {
  if (unit.struck || unit.checked === true) return 'done';
  if (DROPPED_IN_TEXT.test(unit.text)) return 'dropped';
  if (DONE_IN_TEXT.test(unit.text)) return 'done';
  return childStatus(unit) ?? 'open';
}

/**
 * An action item from a row of a task table, or of a table in an actions section: columns Action / Owner / Due /
 * Status.
 */
function fromRow(
  unit: Unit,
  meetingDate: string | null,
  carried: boolean,
  knows: Knows,
): Omit<ActionItem, 'agenda'> | null {
  const text = cellOf(unit, 'action') ?? unit.text;
  if (!text || NO_ITEMS.test(text)) return null;
  const ownerCell = cellOf(unit, 'owner');
  const owners = ownerCell
    ? allHandles(ownerCell).length > 0
      ? allHandles(ownerCell)
      : (nameList(ownerCell) ?? [])
    : ownersByPlace(text, knows);
  const dueCell = cellOf(unit, 'due');
  // A Due column is a deadline even when it lies before this meeting (a reviewed item).
  const due = (dueCell && findDate(dueCell)) || dueDate(dueCell ?? text, meetingDate);
  const statusCell = stripLead(cellOf(unit, 'status') ?? '');
  let status = actionStatus(unit);
  if (DONE_WORDS.test(statusCell) || /^(?:x|yes|\[x\])$/i.test(statusCell)) status = 'done';
  else if (DROPPED_WORDS.test(statusCell)) status = 'dropped';
  return { line: unit.line, text, owners, status, carried, due };
}

/** Marker words, and the replies an assignment is written as ("Yes (AI @x)", "AI: @a and @b"). */
const NO_TASK_WORDS = /^(?:ai|todo|to|do|action|item|yes|ok|okay|sure|agreed|and|und)$/i;

/**
 * The item's text, with the text of the bullet it hangs under when it names no task of its
 * own: "Group, ML for project board?" / "Yes (AI @garloff)" is the task "Group, ML for project
 * board? → Yes (AI @garloff)", which is what a later review repeats. Words left after markers,
 * handles, owners' names and replies are the task's own.
 */
function withContext(unit: Unit, owners: PersonId[]): string {
  const parent = unit.parent;
  if (!parent || parent.text === '' || labelKind(parent.text) !== null) return unit.text;
  const own = unit.text
    .replace(new RegExp(HANDLE.source, 'g'), ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !NO_TASK_WORDS.test(w) && !owners.includes(w.toLowerCase()));
  return own.length === 0 ? `${parent.text} → ${unit.text}` : unit.text;
}

/**
 * Recognise an action item in a unit: by a marker (AI, TODO, ACTION, ...) anywhere in
 * its text, or by its place: a direct item, box or row of an "Action items" or review section.
 */
export function recogniseActionItem(
  unit: Unit,
  meetingDate: string | null,
  knows: Knows = KNOWS_NOBODY,
): Omit<ActionItem, 'agenda'> | null {
  if (unit.text === '') return null;
  // A heading is an action item only when it carries a marker ("#### Cert for keycloak (AI @x)").
  if (unit.kind === 'heading') {
    const owners = labelKind(unit.text) === null ? markedOwners(unit.text, knows) : null;
    return (
      owners && {
        line: unit.line,
        text: unit.text,
        owners,
        status: actionStatus(unit),
        carried: isInside(unit, 'review'),
        due: dueDate(unit.text, meetingDate),
      }
    );
  }
  const carried = isInside(unit, 'review');
  // A bare "TODO:" or "AI:" with bullets under it labels them; it is no item itself.
  if (
    unit.children.length > 0 &&
    unit.text.split(' ').length <= 2 &&
    LEADING_ACTION.test(unit.text) &&
    isBareWords(unit.text)
  )
    return null;
  const marked = markedOwners(unit.text, knows);
  if (marked) {
    return {
      line: markerLine(unit),
      text: withContext(unit, marked),
      owners: marked,
      status: actionStatus(unit),
      carried,
      due: dueDate(unit.text, meetingDate),
    };
  }
  // A task box that names who does what is a task wherever it stands: "- [ ] @x will make the issue".
  if (unit.checked !== null && unit.kind === 'item' && namedTaskOwners(stripLead(unit.text)).length > 0) {
    const owners = namedTaskOwners(stripLead(unit.text));
    return {
      line: unit.line,
      text: unit.text,
      owners,
      status: actionStatus(unit),
      carried,
      due: dueDate(unit.text, meetingDate),
    };
  }
  const table = rowKind(unit);
  if (table === 'actions') return fromRow(unit, meetingDate, carried, knows);
  const section = enclosingSection(unit);
  if (!section || (section.kind !== 'actions' && section.kind !== 'review')) return null;
  if (unit.kind === 'row') return table === null ? fromRow(unit, meetingDate, carried, knows) : null;
  const direct = depthBelow(unit, section.label) === 1 || unit.checked !== null;
  if (!direct || NO_ITEMS.test(stripLead(unit.text)) || DONE_WORDS.test(unit.text) || OPEN_WORDS.test(unit.text))
    return null;
  if (section.kind === 'actions' && QUESTION.test(unit.text)) return null;
  const owners = ownersByPlace(unit.text, knows);
  // Running text under an actions heading, and an item of "Next steps", is a task only when it names someone;
  // running text under "Next steps" only when it assigns a handle ("rebuild cloudmon @plusserver"), not in prose.
  const weak = WEAK_ACTIONS_LABEL.test(labelText(section.label.text));
  if ((unit.kind === 'line' || weak) && owners.length === 0) return null;
  if (weak && unit.kind === 'line' && allHandles(unit.text).length === 0) return null;
  return {
    line: unit.line,
    text: withContext(unit, owners),
    owners,
    status: actionStatus(unit),
    carried,
    due: dueDate(unit.text, meetingDate),
  };
}
