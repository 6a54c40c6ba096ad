import { createRequire } from 'node:module';
import type * as ChronoEn from 'chrono-node/en';

/**
 * chrono-node's English parser, loaded on the first question with a day or week in it: `minutes
 * search` starts without it (test/cli/cli.test.ts), as most searches have none. Its CommonJS build
 * can be loaded where it is needed, without making every search wait for an import.
 */
let chrono: typeof ChronoEn | undefined;
const chronoEn = () => (chrono ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEn);

/**
 * Time words of a question, resolved against "today" into a range of meeting dates: "last
 * spring", "in March 2024", "since the summer", "this year", "last quarter", "Q3 2019", "in 2015",
 * "before 2020", "last week", "2 weeks ago". Seasons, quarters, years and months are read here
 * (chrono-node reads none of the first three as ranges); what is left, days and weeks, by chrono.
 */

export interface TimeRange {
  /** First and last meeting date, YYYY-MM-DD, inclusive; one may be open. */
  from?: string;
  to?: string;
  /** Where in the text the expression is: [start, end). */
  start: number;
  end: number;
  label: string;
}

interface Span {
  from: Date;
  /** Inclusive. */
  to: Date;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => utc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`;
/** Seasons as months of the northern year they start in: winter runs into the next year. */
const SEASONS: Record<string, number> = { spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11 };
const SEASON = '(spring|summer|autumn|fall|winter)';
const YEAR = '((?:19|20)\\d\\d)';
/** Words before an expression that open or close the range at it. */
const LEAD = String.raw`(?:(since|after|from|before|until|till|by|in|during|of|for)\s+)?(?:the\s+)?`;
const RELATIVE = '(last|this|past|previous|current)';

const seasonSpan = (year: number, season: string): Span => {
  const month = SEASONS[season]!;
  return { from: utc(year, month, 1), to: addDays(utc(year, month + 3, 1), -1) };
};
const monthSpan = (year: number, month: number): Span => ({
  from: utc(year, month, 1),
  to: addDays(utc(year, month + 1, 1), -1),
});
const quarterSpan = (year: number, q: number): Span => ({
  from: utc(year, 3 * q, 1),
  to: addDays(utc(year, 3 * q + 3, 1), -1),
});
const yearSpan = (year: number): Span => ({ from: utc(year, 0, 1), to: utc(year, 11, 31) });
const monthIndex = (name: string) => MONTHS.indexOf(name.toLowerCase().slice(0, 3));

/** The latest span of a kind that starts on or before today ("this"), or ends before it ("last"). */
function latest(today: Date, span: (year: number) => Span, which: 'this' | 'last'): Span {
  for (let year = today.getUTCFullYear() + 1; ; year--) {
    const s = span(year);
    if (which === 'this' ? s.from <= today : s.to < today) return s;
  }
}

type Reader = { pattern: RegExp; span: (m: RegExpExecArray, today: Date) => Span | null };

const relative = (word: string | undefined): 'this' | 'last' =>
  word && /^(this|current)$/i.test(word) ? 'this' : 'last';

/** The expressions read here, longest first; each group of a match is read by its function. */
const READERS: Reader[] = [
  // "spring 2023", "in the spring of 2023", "summer 2024"
  {
    pattern: new RegExp(`${LEAD}${SEASON}\\s+(?:of\\s+)?${YEAR}`, 'giu'),
    span: (m) => seasonSpan(Number(m[3]), m[2]!.toLowerCase()),
  },
  // "last spring", "this summer", "since the summer", "in spring"; not a season alone ("the fall of the status page")
  {
    pattern: new RegExp(
      `(?:(since|after|from|before|until|till|by|in|during)\\s+(?:the\\s+)?(?:${RELATIVE}\\s+)?|(?:the\\s+)?(?=(?:last|this|past|previous|current)\\s))(?:${RELATIVE}\\s+)?${SEASON}\\b`,
      'giu',
    ),
    span: (m, today) =>
      latest(today, (y) => seasonSpan(y, m[4]!.toLowerCase()), m[2] || m[3] ? relative(m[2] ?? m[3]) : 'this'),
  },
  // "Q3 2019", "2019 Q3", "q1/2024"
  {
    pattern: new RegExp(`${LEAD}q([1-4])[\\s/-]*${YEAR}\\b`, 'giu'),
    span: (m) => quarterSpan(Number(m[3]), Number(m[2]) - 1),
  },
  {
    pattern: new RegExp(`${LEAD}${YEAR}[\\s/-]*q([1-4])\\b`, 'giu'),
    span: (m) => quarterSpan(Number(m[2]), Number(m[3]) - 1),
  },
  // "last quarter", "this quarter"
  {
    pattern: new RegExp(`${LEAD}${RELATIVE}\\s+quarter\\b`, 'giu'),
    span: (m, today) => {
      const q = Math.floor(today.getUTCMonth() / 3) + (relative(m[2]) === 'this' ? 0 : -1);
      return quarterSpan(today.getUTCFullYear() + Math.floor(q / 4), ((q % 4) + 4) % 4);
    },
  },
  // "last year", "this year"
  {
    pattern: new RegExp(`${LEAD}${RELATIVE}\\s+year\\b`, 'giu'),
    span: (m, today) => yearSpan(today.getUTCFullYear() - (relative(m[2]) === 'this' ? 0 : 1)),
  },
  // "last month", "this month"
  {
    pattern: new RegExp(`${LEAD}${RELATIVE}\\s+month\\b`, 'giu'),
    span: (m, today) => monthSpan(today.getUTCFullYear(), today.getUTCMonth() - (relative(m[2]) === 'this' ? 0 : 1)),
  },
  // "the last 3 months", "past 2 years", "last 10 days"
  {
    pattern: new RegExp(`${LEAD}(?:last|past)\\s+(\\d{1,3})\\s+(days?|weeks?|months?|years?)\\b`, 'giu'),
    span: (m, today) => {
      const n = Number(m[2]);
      const unit = m[3]!.toLowerCase()[0]!;
      const y = today.getUTCFullYear();
      const mo = today.getUTCMonth();
      const d = today.getUTCDate();
      const from =
        unit === 'd'
          ? utc(y, mo, d - n)
          : unit === 'w'
            ? utc(y, mo, d - 7 * n)
            : unit === 'm'
              ? utc(y, mo - n, d)
              : utc(y - n, mo, d);
      return { from, to: today };
    },
  },
  // "March 2024", "in Sept 2016"
  {
    pattern: new RegExp(`${LEAD}${MONTH}\\s+${YEAR}\\b`, 'giu'),
    span: (m) => monthSpan(Number(m[3]), monthIndex(m[2]!)),
  },
  // "in March", "since June", "last August" (a month alone only after such a word: "may" is a verb too)
  {
    pattern: new RegExp(
      `(?:(since|after|from|before|until|till|by|in|during)\\s+|(last|this)\\s+)${MONTH}\\b(?!\\s+\\d)`,
      'giu',
    ),
    span: (m, today) => latest(today, (y) => monthSpan(y, monthIndex(m[3]!)), m[2] ? relative(m[2]) : 'this'),
  },
  // "in 2015", "since 2020", "2019"
  { pattern: new RegExp(`${LEAD}(?<![\\w.@/#:-])${YEAR}(?![\\w.@/#:-])`, 'giu'), span: (m) => yearSpan(Number(m[2])) },
];

const SHORT = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const day = (d: Date) => SHORT.format(d);

/** "Mar 1 – May 31 2025", "since Jun 1 2025", "until Dec 31 2019". */
export function rangeLabel(from?: string, to?: string): string {
  const f = from ? new Date(`${from}T00:00:00Z`) : null;
  const t = to ? new Date(`${to}T00:00:00Z`) : null;
  if (f && t && from === to) return `${day(f)} ${f.getUTCFullYear()}`;
  if (f && t) {
    const sameYear = f.getUTCFullYear() === t.getUTCFullYear();
    return `${day(f)}${sameYear ? '' : ` ${f.getUTCFullYear()}`} – ${day(t)} ${t.getUTCFullYear()}`;
  }
  if (f) return `since ${day(f)} ${f.getUTCFullYear()}`;
  if (t) return `until ${day(t)} ${t.getUTCFullYear()}`;
  return '';
}

/** A span as a range: "since X" opens its end, "before X" ends the day before it, "until X" with it. */
function toRange(span: Span, lead: string | undefined, start: number, end: number): TimeRange {
  const word = lead?.toLowerCase();
  let from: string | undefined = iso(span.from);
  let to: string | undefined = iso(span.to);
  if (word === 'since' || word === 'after' || word === 'from') to = undefined;
  if (word === 'after') from = iso(addDays(span.to, 1));
  if (word === 'before') [from, to] = [undefined, iso(addDays(span.from, -1))];
  if (word === 'until' || word === 'till' || word === 'by') from = undefined;
  return { from, to, start, end, label: rangeLabel(from, to) };
}

/** A word without which no expression here matches: most queries have none, and need no more patterns tried. */
const TIME_HINT =
  /\d|spring|summer|autumn|fall|winter|quarter|year|month|week|yesterday|today|tomorrow|ago|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/** Words that make chrono worth asking: it is slow to ask about every query. */
const CHRONO_HINT =
  /\b(ago|yesterday|today|tomorrow|week|weeks|days?|\d{4}-\d\d-\d\d|\d{1,2}(st|nd|rd|th)?\s+[a-z]{3}|[a-z]{3,9}\.?\s+\d{1,2}(st|nd|rd|th)?)\b/i;

/** Days and weeks, by chrono: "last week", "2 weeks ago", "on March 5", "2024-03-05". */
function byChrono(text: string, today: Date): TimeRange | null {
  if (!CHRONO_HINT.test(text)) return null;
  const [result] = chronoEn().parse(text, today, { forwardDate: false });
  if (!result) return null;
  const start = result.start;
  const from = start.date();
  const lead = /(since|after|from|before|until|till|by)\s+(?:the\s+)?$/i.exec(text.slice(0, result.index));
  let span: Span;
  if (result.end) span = { from, to: result.end.date() };
  else if (/\bweeks?\b/i.test(result.text)) {
    const monday = addDays(from, -((from.getUTCDay() + 6) % 7)); // "last week": the whole week, Monday to Sunday
    span = { from: monday, to: addDays(monday, 6) };
  } else if (start.isCertain('day')) span = { from, to: from };
  else return null;
  const day0 = utc(span.from.getUTCFullYear(), span.from.getUTCMonth(), span.from.getUTCDate());
  const day1 = utc(span.to.getUTCFullYear(), span.to.getUTCMonth(), span.to.getUTCDate());
  const begin = lead ? result.index - lead[0].length : result.index;
  return toRange({ from: day0, to: day1 }, lead?.[1], begin, result.index + result.text.length);
}

/**
 * The first time expression of `text`, as a range of dates relative to `today` (YYYY-MM-DD), or
 * null. Quoted text is never read: `"last spring"` stays words.
 */
export function readTime(text: string, today: string): TimeRange | null {
  if (!TIME_HINT.test(text)) return null;
  const now = new Date(`${today}T12:00:00Z`);
  const unquoted = text.replace(/"[^"]*"?/g, (q) => ' '.repeat(q.length));
  let best: TimeRange | null = null;
  for (const reader of READERS) {
    reader.pattern.lastIndex = 0;
    const m = reader.pattern.exec(unquoted);
    if (!m) continue;
    const span = reader.span(m, now);
    if (!span) continue;
    const found = toRange(span, m[1], m.index, m.index + m[0].length);
    if (!best || found.start < best.start || (found.start === best.start && found.end > best.end)) best = found;
  }
  return best ?? byChrono(unquoted, now);
}
