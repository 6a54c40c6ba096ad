import { stem } from '../search/porter.js';
import type { DB } from './database.js';
import { normaliseName } from '../parse/recognise/names.js';
import { ownerIds } from './filters.js';
import { statement } from './statements.js';

/**
 * What search asks the knowledge base about the words of a question: whether they name a person
 * who owns action items, whether the index knows them, and which word it knows that was meant.
 */

/** A number that changes whenever the database does, by this connection or another. */
function stateOf(db: DB): string {
  const version = statement<[], number>(db, 'PRAGMA data_version').pluck().get();
  return `${version}:${statement<[], number>(db, 'SELECT total_changes()').pluck().get()}`;
}

/**
 * Every name an owner may be written as, per database and state of it: most words are none, and need no more queries.
 */
const names = new WeakMap<DB, { state: string; names: Set<string> }>();

function ownerNames(db: DB): Set<string> {
  const state = stateOf(db);
  const known = names.get(db);
  if (known?.state === state) return known.names;
  const all = statement<[], string>(
    db,
    `SELECT owner FROM action_item_owners UNION SELECT id FROM people UNION SELECT lower(name) FROM people WHERE name IS NOT NULL
     UNION SELECT alias FROM aliases`,
  )
    .pluck()
    .all();
  const set = new Set(all);
  names.set(db, { state, names: set });
  return set;
}

/** The person a name stands for (as `owner:` would read it) when that person owns any action item; else null. */
export function knownOwner(db: DB, name: string): string | null {
  if (!ownerNames(db).has(normaliseName(name))) return null;
  const ids = ownerIds(db, name);
  const owns = statement<[string], number>(
    db,
    'SELECT 1 FROM action_item_owners WHERE owner IN (SELECT value FROM json_each(?)) LIMIT 1',
  )
    .pluck()
    .get(JSON.stringify(ids));
  return owns ? ids[0]! : null;
}

/** Whether the index has a word (as its tokenizer reads it: stemmed), or with `prefix`, a word that begins with it. */
export function isIndexed(db: DB, word: string, prefix = false): boolean {
  const match = `"${word.replace(/"/g, '')}"${prefix ? '*' : ''}`;
  return Boolean(
    statement<[string], number>(db, 'SELECT 1 FROM search WHERE search MATCH ? LIMIT 1').pluck().get(match),
  );
}

/** Edits from `a` to `b` (insert, delete, change, swap two letters), or `max + 1` once beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length]!;
}

/** Edits allowed for a word of this length: one for short words, two from six letters. */
const allowed = (length: number) => (length < 6 ? 1 : 2);
/** A word too short to correct: too many words are one edit from it. */
const MIN_LETTERS = 4;

/**
 * The word of the index nearest to a word it does not have, by edit distance over the stems of
 * the index's vocabulary (schema/006) that begin with the same two letters and are in two documents or
 * more; the more documents, the better among equals. Shown as a word of the text that has that
 * stem ("decis" is shown as "decision"). Null when none is near enough.
 */
export function nearestWord(db: DB, word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < MIN_LETTERS || !/^[a-z]+$/.test(lower)) return null;
  const target = stem(lower);
  const max = allowed(target.length);
  let best: [string, number, number] | null = null;
  for (const [term, docs] of vocabulary(db, target.slice(0, 2))) {
    if (Math.abs(term.length - target.length) > max) continue;
    const d = editDistance(target, term, max);
    if (d > max || d === 0) continue;
    if (!best || d < best[1] || (d === best[1] && docs > best[2])) best = [term, d, docs];
  }
  return best && surface(db, best[0]);
}

/**
 * Stems of the vocabulary in two documents or more, by their first two letters, read once per state of the database.
 */
const vocabularies = new WeakMap<DB, { state: string; byStart: Map<string, [string, number][]> }>();

function vocabulary(db: DB, start: string): [string, number][] {
  const state = stateOf(db);
  let known = vocabularies.get(db);
  if (known?.state !== state) vocabularies.set(db, (known = { state, byStart: new Map() }));
  let terms = known.byStart.get(start);
  if (!terms) {
    const end = start[0]! + String.fromCharCode(start.charCodeAt(1) + 1);
    terms = statement<[string, string], [string, number]>(
      db,
      'SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ? AND doc >= 2',
    )
      .raw()
      .all(start, end);
    known.byStart.set(start, terms);
  }
  return terms;
}

/** A word of the text that stems to `term`, in lower case; the stem itself when none is found quickly. */
function surface(db: DB, term: string): string {
  const rows = statement<[string], [string | null, string | null, string | null]>(
    db,
    `SELECT decision, action, topic FROM search WHERE search MATCH ? LIMIT 5`,
  )
    .raw()
    .all(`{decision action topic} : "${term}"*`);
  for (const texts of rows) {
    for (const text of texts) {
      for (const token of text?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (stem(token) === term) return token;
    }
  }
  return term;
}
