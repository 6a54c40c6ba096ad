import { HANDLE, NOT_AN_OWNER } from '../vocabulary.js';
import type { PersonId } from '../../parse/meeting-record.js';

/**
 * The annotation guide's normal form: `@Garloff` -> `garloff`, `Kurt  Garloff` -> `kurt garloff`, `dNation` ->
 * `dnation`.
 */
export function normaliseName(name: string): PersonId {
  return name.replace(/^@/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

const HANDLE_AT_START = new RegExp(`^${HANDLE.source}`);

/** A handle or name that names someone: not "@need", "Dashboard" or "Trying" (NOT_AN_OWNER, "-ing" words). */
export function isOwnerHandle(handle: string): boolean {
  const id = normaliseName(handle);
  return !NOT_AN_OWNER.has(id) && !/^[a-z]+ing$/.test(id);
}
const SEPARATOR = /^\s*(?:,|&|\+|\/|\band\b|\bund\b)?\s*/i;

/**
 * Handles at the start of a text: `@a, @b and @c: rest` -> [a, b, c] and what follows.
 * Stops at the first word that is not a handle.
 */
export function leadingHandles(text: string): { owners: PersonId[]; rest: string } {
  const owners: PersonId[] = [];
  let rest = text.trimStart();
  for (;;) {
    const match = HANDLE_AT_START.exec(rest);
    if (!match || !isOwnerHandle(match[0])) break;
    owners.push(normaliseName(match[0]));
    rest = rest.slice(match[0].length);
    const sep = SEPARATOR.exec(rest)!;
    const after = rest.slice(sep[0].length);
    if (!HANDLE_AT_START.test(after)) break;
    rest = after;
  }
  return { owners, rest };
}

/** A short name: `Itrich`, `Kurt Garloff`, `B1`, `dNation`, `POs`, `SCS team`, `all`. */
const SHORT_NAME = /^(?:@?[\p{L}\d][\p{L}\d._-]*)(?: [\p{L}\d][\p{L}\d._-]*)?$/u;

/**
 * A word that looks like a name rather than prose: it has a capital or a digit (`dNation`, `B1`, `POs`) or is a handle.
 */
function namelike(word: string): boolean {
  return /^@/.test(word) || /[\p{Lu}\d]/u.test(word) || /^(?:all|everyone|everybody)$/i.test(word);
}

/**
 * A list of owners written as names: `B1, dNation`, `POs`, `Kurt Garloff and @fkr`.
 * Returns null unless every part looks like a name (so `Need test plan` is not one).
 */
export function nameList(text: string): PersonId[] | null {
  const parts = text
    .trim()
    .replace(/[.;]$/, '')
    .split(/(?<!\s)\s*(?:,|&|\/|\+|\band\b|\bund\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 6) return null;
  for (const part of parts) {
    // "Get DH to clarify": a name does not begin with a word that names nobody.
    if (!SHORT_NAME.test(part) || !isOwnerHandle(part) || !isOwnerHandle(part.split(' ')[0]!)) return null;
    if (!part.split(' ').every(namelike)) return null;
  }
  return parts.map(normaliseName);
}

/** Every handle in a text, in order, without repeats. */
export function allHandles(text: string): PersonId[] {
  const found = text.match(new RegExp(HANDLE.source, 'g')) ?? [];
  return unique(found.filter(isOwnerHandle).map(normaliseName));
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const WHOLE_HANDLE = new RegExp(`^${HANDLE.source}$`);

/**
 * The handles a text ends with, and the words before them: "Board cleanup @a, @b and @c" ->
 * { owners: [a, b, c], before: ["Board", "cleanup"] }. One walk back over the words, so that no input
 * makes it slow (a backtracking pattern for this took seconds on "x @a @a @a ... !").
 */
export function trailingHandleList(text: string): { owners: PersonId[]; before: string[] } | null {
  const words = text.trim().split(/\s+/);
  const owners: PersonId[] = [];
  let i = words.length - 1;
  for (; i >= 0; i--) {
    const word = words[i]!.replace(/(?<![,&])[,&]+$/, '');
    if (WHOLE_HANDLE.test(word) && isOwnerHandle(word)) owners.push(normaliseName(word));
    else if (owners.length > 0 && /^(?:,|&|\/|and)?$/i.test(word)) continue;
    else break;
  }
  if (owners.length === 0) return null;
  owners.reverse(); // collected from the end
  const before = words.slice(0, i + 1);
  while (before.length > 0 && /^(?:,|&|\/|and)$/i.test(before[before.length - 1]!)) before.pop();
  return { owners: unique(owners), before };
}
