import { FILLER, INTENTS, INTENT_LABELS, WHO, type Intent } from './question-words.js';
import { rangeLabel, readTime } from './time-words.js';

/**
 * Questions as a person asks them, read into filters and words, in one place for the CLI, the
 * API, the page and MCP: "what did we decide about keycloak last spring?" is decisions about
 * keycloak from March to May of last year. Pure: who is a known person is asked of `person`.
 * Each guess is a part of the reading with the words it was read from and the question that
 * undoes it (those words "quoted": quoted text is always searched as it is written).
 */

export type SearchKind = 'decision' | 'action' | 'meeting';

export interface QuestionContext {
  /** YYYY-MM-DD: what "last spring" is relative to. */
  today: string;
  /** The person id that one or two words name, when they name a known owner of action items. */
  person: (name: string) => string | null;
  /** Filters given explicitly (`type:`, `is:`, `owner:`, dates): none of them is guessed. */
  explicit: { type?: boolean; status?: boolean; owner?: boolean; time?: boolean };
}

export interface ReadingPart {
  kind: 'type' | 'owner' | 'time';
  /** The words of the question it was read from. */
  from: string;
  /** What they were read as: a type, a person id, a date range. */
  value: string;
  /** The same for a person: "open action items", "owner: garloff", "Mar 1 – May 31 2023". */
  label: string;
  /** The question with these words quoted: searched as words, not read. */
  undo: string;
}

export interface Question {
  /** The words and "phrases" to search for, as ftsPhrases reads them. */
  words: string;
  type?: SearchKind;
  status?: 'open';
  owner?: string;
  from?: string;
  to?: string;
  parts: ReadingPart[];
  /** Question words and filler left out. */
  ignored: string[];
}

interface Token {
  text: string;
  /** Lower case, without the punctuation around it. */
  bare: string;
  start: number;
  end: number;
  quoted: boolean;
  used: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A word without the punctuation around it ("spring?" -> "spring"; "@garloff" keeps its @). */
function trimmed(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && word[start] !== '@' && !WORD_CHAR.test(word[start]!)) start++;
  while (end > start && !WORD_CHAR.test(word[end - 1]!)) end--;
  return word.slice(start, end);
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const pattern = /"[^"]*"?|[^\s"]+/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const quoted = m[0].startsWith('"');
    const bare = quoted ? '' : trimmed(m[0].toLowerCase());
    out.push({ text: m[0], bare, start: m.index, end: m.index + m[0].length, quoted, used: false });
  }
  return out;
}

/** The question with text[start, end) in quotes, so that it is searched as words. */
const quote = (text: string, start: number, end: number) =>
  `${text.slice(0, start)}"${text.slice(start, end).replace(/"/g, '')}"${text.slice(end)}`;

/** Intent phrases by their number of words, longest first. */
const PHRASES = INTENTS.map(([phrase, intent]) => ({ words: phrase.split(' '), intent })).sort(
  (a, b) => b.words.length - a.words.length,
);

/** The first intent phrase at token i, as [words it takes, intent]. */
function intentAt(all: Token[], i: number): [number, Intent] | null {
  for (const { words, intent } of PHRASES) {
    if (words.every((w, k) => all[i + k] && !all[i + k]!.quoted && !all[i + k]!.used && all[i + k]!.bare === w))
      return [words.length, intent];
  }
  return null;
}

const span = (all: Token[], i: number, n: number) => ({ start: all[i]!.start, end: all[i + n - 1]!.end });

/** Words that may name a person: not filler, not numbers, not single letters. */
const mayName = (t: Token) => !t.quoted && !t.used && t.bare.length >= 2 && !FILLER.has(t.bare) && !/^\d/.test(t.bare);

/** Read a question (the box without its explicit `key:value` filters). */
export function readQuestion(text: string, context: QuestionContext): Question {
  const all = tokens(text);
  const question: Question = { words: '', parts: [], ignored: [] };
  const part = (kind: ReadingPart['kind'], start: number, end: number, value: string, label = value) =>
    question.parts.push({ kind, from: text.slice(start, end), value, label, undo: quote(text, start, end) });

  if (!context.explicit.time) {
    const time = readTime(text, context.today);
    if (time) {
      const covered = all.filter((t) => t.start < time.end && t.end > time.start);
      covered.forEach((t) => (t.used = true));
      question.from = time.from;
      question.to = time.to;
      if (covered.length > 0) part('time', covered[0]!.start, covered[covered.length - 1]!.end, time.label);
    }
  }

  if (!context.explicit.type && !context.explicit.status) {
    for (let i = 0; i < all.length; i++) {
      const found = intentAt(all, i);
      if (!found) continue;
      const [n, intent] = found;
      for (let k = 0; k < n; k++) all[i + k]!.used = true;
      // the first kind named wins; the rest are no words to find
      if (question.type && question.type !== intent.type) continue;
      const { start, end } = span(all, i, n);
      if (!question.type)
        part(
          'type',
          start,
          end,
          intent.type,
          `${intent.status ? `${intent.status} ` : ''}${INTENT_LABELS[intent.type]}`,
        );
      question.type = intent.type;
      if (intent.status) question.status = intent.status;
    }
  }

  // A person owns action items: a name is an owner only where decisions or meetings are not asked for.
  if (!context.explicit.owner && (question.type === undefined || question.type === 'action')) {
    for (const n of [2, 1]) {
      for (let i = 0; i + n <= all.length && !question.owner; i++) {
        const words = all.slice(i, i + n);
        if (!words.every(mayName)) continue;
        const id = context.person(words.map((t) => t.bare).join(' '));
        if (!id) continue;
        words.forEach((t) => (t.used = true));
        question.owner = id;
        const { start, end } = span(all, i, n);
        part('owner', start, end, id, `owner: ${id}`);
      }
    }
  }

  const first = all.find((t) => !t.quoted);
  if (first && WHO.has(first.bare) && !question.type && !context.explicit.type && !context.explicit.status) {
    question.type = 'action';
    part('type', first.start, first.end, 'action', INTENT_LABELS.action);
  }

  const left = all.filter((t) => !t.used);
  const content = left.filter((t) => t.quoted || (t.bare !== '' && !FILLER.has(t.bare)));
  // A question of nothing but filler is searched as it is: "the who".
  const kept = content.length > 0 || question.parts.length > 0 ? content : left;
  question.ignored = left.filter((t) => !kept.includes(t) && t.bare !== '').map((t) => t.bare);
  question.words = kept.map((t) => t.text).join(' ');
  return question;
}

/**
 * The question without its guesses of kind and owner (the owner's words searched as words), for
 * when with them nothing is found; null when there were none. Time words stay read.
 */
export function withoutGuesses(question: Question): Question | null {
  const guesses = question.parts.filter((p) => p.kind !== 'time');
  if (guesses.length === 0) return null;
  const names = guesses.filter((p) => p.kind === 'owner').map((p) => p.from);
  return {
    ...question,
    type: undefined,
    status: undefined,
    owner: undefined,
    words: [question.words, ...names].filter(Boolean).join(' '),
    parts: question.parts.filter((p) => p.kind === 'time'),
  };
}

export interface ReadingFilters {
  type?: SearchKind;
  status?: string;
  owner?: string;
  series?: string;
  from?: string;
  to?: string;
  before?: string;
  after?: string;
}

/** A date a day earlier or later, for the strict before: and after: filters. */
function dayFrom(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** How a search was read, for a person: "decisions · about: keycloak · Mar 1 – May 31 2023". */
export function readingText(filters: ReadingFilters, words: string): string {
  const kind = filters.type ? INTENT_LABELS[filters.type] : 'everything';
  const status = filters.status ? `${filters.status} ` : '';
  const from = [filters.from, filters.after && dayFrom(filters.after, 1)].filter(Boolean).sort().pop();
  const to = [filters.to, filters.before && dayFrom(filters.before, -1)].filter(Boolean).sort()[0];
  return [
    `${status}${kind}`,
    filters.owner && `owner: ${filters.owner}`,
    filters.series && `series: ${filters.series}`,
    words && `about: ${words}`,
    (from || to) && rangeLabel(from, to),
  ]
    .filter(Boolean)
    .join(' · ');
}
