/**
 * Suggested merges of two ids that look like one person, each with its evidence, for the user to
 * accept (`minutes people alias`) or not: nothing here merges. Three rules:
 *  - same name: a full name written without a handle whose surname is a handle of the same series
 *    ("Christian Berendt" and @berendt, "Jan Schoone" and @jschoone), or a full name given for two handles;
 *  - near handles: handles that differ by one or two letters (berendet, berendt), share a series
 *    and are never both participants of one meeting (two people would meet, one person cannot;
 *    an owner misspelled in a meeting the person attends is the typical case);
 *  - first name: an owner written as a first name only ("kurt") in a series where exactly one
 *    participant has that first name.
 */

/** One id appearing in one meeting: as a participant (with the name and handle written) or an owner. */
export interface Appearance {
  meeting: number;
  series: string | null;
  id: string;
  name: string | null;
  handle: string | null;
}

export type SuggestionRule = 'same name' | 'near handles' | 'first name';

export interface Suggestion {
  /** The id to record as another way of writing `person`: `minutes people alias ALIAS PERSON`. */
  alias: string;
  person: string;
  rule: SuggestionRule;
  evidence: string[];
  /** Meetings that support it: the more, the surer. */
  meetings: number;
}

/** Ids that name no one person: groups, placeholders. */
const NOT_A_PERSON = new Set(['all', 'none', 'everyone', 'everybody', 'team', 'tbd', 'nobody', 'someone', 'us', 'we']);

/** Levenshtein distance, or `max + 1` as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

interface Seen {
  meetings: Set<number>;
  /** Meetings that list it as a participant. */
  attended: Set<number>;
  series: Map<string, number>;
  names: Set<string>;
  /** Written with a handle (a participant's @handle, or a one-word owner id). */
  handle: boolean;
  participant: boolean;
}

function index(appearances: Appearance[]): Map<string, Seen> {
  const ids = new Map<string, Seen>();
  for (const a of appearances) {
    if (NOT_A_PERSON.has(a.id) || a.id.length < 2) continue;
    const seen =
      ids.get(a.id) ??
      ids
        .set(a.id, {
          meetings: new Set(),
          attended: new Set(),
          series: new Map(),
          names: new Set(),
          handle: false,
          participant: false,
        })
        .get(a.id)!;
    seen.meetings.add(a.meeting);
    const series = a.series ?? '';
    seen.series.set(series, (seen.series.get(series) ?? 0) + 1);
    if (a.name && /^[\p{L}.'’-]+(?: [\p{L}.'’-]+)+$/u.test(a.name)) seen.names.add(a.name);
    if (a.handle) seen.handle = true;
    if (a.name !== null || a.handle !== null) {
      seen.participant = true;
      seen.attended.add(a.meeting);
    }
  }
  return ids;
}

/** Whether a handle is the surname of a name, alone or after the first name or its initial. */
function surnameHandle(words: string[], handle: string): boolean {
  const surname = words[words.length - 1]!.replace(/[^\p{L}]/gu, '');
  const first = words[0]!.replace(/[^\p{L}]/gu, '');
  return (
    surname.length >= 4 &&
    [surname, `${first[0]}${surname}`, `${first}${surname}`].includes(handle.replace(/[^\p{L}]/gu, ''))
  );
}

const sharedSeries = (a: Seen, b: Seen) => [...a.series.keys()].filter((s) => b.series.has(s));
const isHandle = (id: string) => /^[\w.-]+$/.test(id);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const meetings = (seen: Seen) => plural(seen.meetings.size, 'meeting');
const seriesList = (series: string[]) =>
  `${series.slice(0, 3).join(', ')}${series.length > 3 ? ` and ${series.length - 3} more` : ''}`;

function sameName(ids: Map<string, Seen>): Suggestion[] {
  const out: Suggestion[] = [];
  for (const [id, seen] of ids) {
    const words = id.split(' ');
    if (words.length < 2 || seen.handle) continue;
    // A handle of a shared series made of the surname (berendt, or jschoone for "Jan Schoone"), and only one such.
    const handles = [...ids].filter(
      ([other, o]) =>
        other !== id && isHandle(other) && o.handle && surnameHandle(words, other) && sharedSeries(seen, o).length > 0,
    );
    if (handles.length !== 1) continue;
    const [handle, h] = handles[0]!;
    const series = sharedSeries(seen, h);
    out.push({
      alias: id,
      person: handle,
      rule: 'same name',
      evidence: [
        `"${id}" is written without a handle in ${meetings(seen)}; @${handle} (${meetings(h)}) is its surname`,
        `both in ${seriesList(series)}`,
      ],
      meetings: seen.meetings.size,
    });
  }
  // One full name given for two handles.
  const byName = new Map<string, string[]>();
  for (const [id, seen] of ids)
    for (const name of seen.names)
      if (seen.handle) byName.set(name.toLowerCase(), [...(byName.get(name.toLowerCase()) ?? []), id]);
  for (const [name, handles] of byName) {
    if (handles.length !== 2) continue;
    const [a, b] = [...handles].sort((x, y) => ids.get(y)!.meetings.size - ids.get(x)!.meetings.size);
    out.push({
      alias: b!,
      person: a!,
      rule: 'same name',
      evidence: [
        `"${name}" is the name given for @${a} (${meetings(ids.get(a!)!)}) and for @${b} (${meetings(ids.get(b!)!)})`,
      ],
      meetings: ids.get(b!)!.meetings.size,
    });
  }
  return out;
}

function nearHandles(ids: Map<string, Seen>): Suggestion[] {
  const handles = [...ids]
    .filter(([id]) => isHandle(id) && id.length >= 5)
    .sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1));
  const out: Suggestion[] = [];
  for (let i = 0; i < handles.length; i++) {
    const [a, sa] = handles[i]!;
    for (let j = i + 1; j < handles.length; j++) {
      const [b, sb] = handles[j]!;
      if (b.length - a.length > 2) break;
      const allowed = Math.min(2, Math.floor(a.length / 4));
      const distance = editDistance(a, b, allowed);
      if (distance > allowed) continue;
      const series = sharedSeries(sa, sb);
      if (series.length === 0) continue;
      if ([...sa.attended].some((m) => sb.attended.has(m))) continue;
      const [person, alias] = sa.meetings.size >= sb.meetings.size ? [a, b] : [b, a];
      const [p, q] = [ids.get(person)!, ids.get(alias)!];
      out.push({
        alias,
        person,
        rule: 'near handles',
        evidence: [
          `@${alias} (${meetings(q)}) and @${person} (${meetings(p)}) differ by ${plural(distance, 'letter')}`,
          `both in ${seriesList(series)}, never both listed in one meeting`,
        ],
        meetings: q.meetings.size,
      });
    }
  }
  return out;
}

function firstName(ids: Map<string, Seen>, appearances: Appearance[]): Suggestion[] {
  // Per series, the participants by first name: those whose written name has two words or more.
  const firstNames = new Map<string, Map<string, Set<string>>>();
  for (const a of appearances) {
    if (!a.name || !/^[\p{L}.'’-]+(?: [\p{L}.'’-]+)+$/u.test(a.name) || (a.id.split(' ').length > 1 && !a.handle))
      continue;
    const first = a.name.split(' ')[0]!.toLowerCase();
    const series = a.series ?? '';
    const names = firstNames.get(series) ?? firstNames.set(series, new Map()).get(series)!;
    names.set(first, (names.get(first) ?? new Set()).add(a.id));
  }
  const out: Suggestion[] = [];
  for (const [id, seen] of ids) {
    if (id.includes(' ') || seen.handle) continue;
    const targets = new Map<string, string[]>();
    for (const series of seen.series.keys()) {
      const matches = firstNames.get(series)?.get(id);
      if (matches?.size === 1) {
        const [target] = matches;
        if (target !== id) targets.set(target!, [...(targets.get(target!) ?? []), series]);
      }
    }
    if (targets.size !== 1) continue;
    const [person, series] = [...targets][0]!;
    out.push({
      alias: id,
      person: person!,
      rule: 'first name',
      evidence: [
        `"${id}" (${meetings(seen)}) is the first name of exactly one participant of ${series!.join(', ')}: ${person}`,
      ],
      meetings: seen.meetings.size,
    });
  }
  return out;
}

/**
 * Suggested merges, surest first (most meetings behind the alias): one per alias, towards the
 * person seen in most meetings. Ids the alias file already merges appear as the person they
 * stand for, so an accepted suggestion is not made again.
 */
export function suggestMerges(appearances: Appearance[]): Suggestion[] {
  const ids = index(appearances);
  const weight = (s: Suggestion) => ids.get(s.person)?.meetings.size ?? 0;
  const all = [...sameName(ids), ...nearHandles(ids), ...firstName(ids, appearances)];
  const seen = new Set<string>();
  return all
    .sort(
      (a, b) =>
        b.meetings - a.meetings || weight(b) - weight(a) || (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0),
    )
    .filter((s) => !seen.has(s.alias) && Boolean(seen.add(s.alias)));
}
