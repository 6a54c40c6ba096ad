// English only: the whole package, every locale, took 170 ms to load against 45 ms, in every process and parse worker.
import { casual, strict } from 'chrono-node/en';
import { addDays, daysBetween, isoDate } from '../calendar.js';
import { END_OF_MONTH, MONTH_NAME, MONTHS } from '../vocabulary.js';

/**
 * Day and month of "a/b/yyyy" where the order can be told: one number is over 12 (`25/03/2024` or
 * `03/25/2024`), or both are the same. `03/04/2024` is March 4 in one country and April 3 in another: null.
 */
function dayAndMonth(a: number, b: number): [day: number, month: number] | null {
  if (a > 12 && b <= 12) return [a, b];
  if (b > 12 && a <= 12) return [b, a];
  return a === b ? [a, b] : null;
}

/**
 * The first full calendar date written in a text: `2024-07-15`, `20240715` (in file names),
 * `15.07.2024`, `Friday, Feb 5th, 2020`, `5 February 2020`, `July 15, 2024`.
 * Only dates with an explicit year, month and day count.
 */
export function findDate(text: string, yearHint: number | null = null): string | null {
  const iso = /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])/.exec(text);
  if (iso) return isoDate(+iso[1]!, +iso[3]!, +iso[4]!);
  const german = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(text);
  if (german) return isoDate(+german[3]!, +german[2]!, +german[1]!);
  const slashed = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(text);
  const dayFirstOrNot = slashed && dayAndMonth(+slashed[1]!, +slashed[2]!);
  if (dayFirstOrNot) return isoDate(+slashed![3]!, dayFirstOrNot[1], dayFirstOrNot[0]);
  for (const result of strict.parse(text)) {
    const { start } = result;
    // A written date names its month; "in two weeks" is relative to today, not a date in the text.
    if (!/jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(result.text)) continue;
    if (start.isCertain('month') && start.isCertain('day')) {
      // "July 29 Meeting Notes" in a folder of 2015: the year comes from the path.
      const year = start.isCertain('year') ? start.get('year')! : yearHint;
      if (year !== null) return isoDate(year, start.get('month')!, start.get('day')!);
    }
  }
  return null;
}

/** The year a path gives in a folder or file name: `2015-07/july-29.md`, `2022/team-05-05.md`, `2019/Q2/...`. */
export function yearFromPath(path: string): number | null {
  for (const name of path.split(/[\\/]/).reverse()) {
    const match = /^((?:19|20)\d{2})(?:$|[-_.]\d{2}(?:$|[-_.]))/.exec(name);
    if (match) return +match[1]!;
  }
  return null;
}

/** A file name of a month and a day, in a folder that gives the year: `july-29.md`, `jan-26.md`, `05-05.md`. */
function monthDayName(path: string): string | null {
  const parts = path.split(/[\\/]/);
  const name = (parts[parts.length - 1] ?? '').replace(/\.md$/i, '');
  const year = yearFromPath(parts.slice(0, -1).join('/'));
  if (year === null) return null;
  const words = name.toLowerCase().split(/[-_ ]+/);
  for (let i = 0; i + 1 < words.length; i++) {
    const month = MONTH_NAME.exec(words[i]!);
    if (month && /^\d{1,2}$/.test(words[i + 1]!)) {
      return isoDate(year, MONTHS.findIndex((m) => m.startsWith(month[1]!)) + 1, +words[i + 1]!);
    }
  }
  const numeric = /(?<!\d)(\d{2})[-_](\d{2})(?!\d)/.exec(name);
  return numeric ? isoDate(year, +numeric[1]!, +numeric[2]!) : null;
}

/**
 * The date in a file's name: `20240715.md`, `20231211-keycloak-kubernetes.md`, `2024-07-15-weekly.md`;
 * failing that, in the name of its nearest folder that has one (`2022-09-27-gx-hackathon-5/minutes.md`).
 */
export function dateFromFileName(path: string): string | null {
  const parts = path.split(/[\\/]/);
  for (const name of [...parts].reverse()) {
    const match = /(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)/.exec(name);
    const date = match ? isoDate(+match[1]!, +match[3]!, +match[4]!) : null;
    if (date) return date;
  }
  return foldersOfDate(parts) ?? writtenInName(parts[parts.length - 1] ?? '') ?? monthDayName(path);
}

/** `2023/03/14.md`: a year folder, a month folder and a day. */
function foldersOfDate(parts: string[]): string | null {
  const [year, month, day] = parts.slice(-3).map((p) => p.replace(/\.md$/i, ''));
  if (!/^(?:19|20)\d{2}$/.test(year ?? '') || !/^\d{1,2}$/.test(month ?? '') || !/^\d{1,2}$/.test(day ?? ''))
    return null;
  return isoDate(+year!, +month!, +day!);
}

/** A date written out in a file name: `Mar-14-2023.md`, `14-march-2023.md`, `2023-Mar-14.md`, `14-03-2023.md`. */
function writtenInName(name: string): string | null {
  const words = name.replace(/\.md$/i, '').replace(/[-_]+/g, ' ');
  const dayFirst = /(?<!\d)(\d{2}) (\d{2}) (\d{4})(?!\d)/.exec(words);
  const order = dayFirst && dayAndMonth(+dayFirst[1]!, +dayFirst[2]!);
  if (order) return isoDate(+dayFirst![3]!, order[1], order[0]);
  const yearFirst = /^(\d{4}) ([a-z]+) (\d{1,2})\b/i.exec(words);
  return findDate(yearFirst ? `${yearFirst[3]} ${yearFirst[2]} ${yearFirst[1]}` : words);
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * A due date written in an action item, resolved against the meeting date:
 * an explicit date; a weekday (the next such day after the meeting); "tomorrow";
 * "end of July" (the last day of that month, this year or next). Vague phrases
 * ("next week", "soon", "mid August") give null, and so do dates before the
 * meeting, which name something past rather than a deadline.
 */
export function dueDate(text: string, meetingDate: string | null): string | null {
  const withoutUrls = text.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/#\d+/g, ' ');
  const end = END_OF_MONTH.exec(withoutUrls);
  if (end) {
    const month = MONTHS.findIndex((m) => m.startsWith(end[1]!.toLowerCase().slice(0, 3))) + 1;
    const reference = meetingDate ?? null;
    let year = end[2] ? +end[2] : reference ? +reference.slice(0, 4) : NaN;
    if (Number.isNaN(year)) return null;
    if (!end[2] && reference && month < +reference.slice(5, 7)) year += 1;
    return lastDayOfMonth(year, month);
  }
  const explicit = findDate(withoutUrls);
  if (explicit) {
    // A past date is a deadline only when the words say so ("until 2024-09-20" in a later review).
    const deadline = /\b(?:by|until|till|til|before|due|deadline|bis|latest|on|for)\b[^.;]{0,20}$/i;
    const before = withoutUrls.slice(
      0,
      withoutUrls.search(
        /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|[A-Z][a-z]+\.? \d|\d{1,2}(?:st|nd|rd|th)? [A-Z]/,
      ),
    );
    return !meetingDate || explicit >= meetingDate || deadline.test(before) ? explicit : null;
  }
  if (!meetingDate) return null;
  const reference = new Date(`${meetingDate}T12:00:00Z`);
  for (const result of casual.parse(withoutUrls, reference)) {
    const { start } = result;
    const phrase = result.text.toLowerCase();
    // Only named days and dates are determinable; "next week" or "in two weeks" are not.
    if (!/\d|tomorrow|tmrw|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/.test(phrase))
      continue;
    if (/^(?:tomorrow|tmrw)$/.test(phrase)) return addDays(meetingDate, 1);
    // A weekday is a deadline when the words make it one: "by Friday", "until Monday", "on Tuesday".
    const lead = withoutUrls.slice(Math.max(0, result.index - 12), result.index);
    if (
      start.isCertain('weekday') &&
      !start.isCertain('day') &&
      /\b(?:by|until|till|before|on|due|next|this|latest)\s*$/i.test(lead)
    ) {
      // The next such weekday strictly after the meeting.
      const weekday = start.get('weekday')!;
      const meetingWeekday = reference.getUTCDay();
      const ahead = (weekday - meetingWeekday + 7) % 7 || 7;
      return addDays(meetingDate, ahead);
    }
    if (start.isCertain('day') && start.isCertain('month')) {
      let iso = isoDate(start.get('year')!, start.get('month')!, start.get('day')!);
      // "by 5 Jan" in December means next year; "merged on 30 March" in April is past, no deadline.
      if (iso && !start.isCertain('year') && daysBetween(meetingDate, iso) < -180)
        iso = isoDate(start.get('year')! + 1, start.get('month')!, start.get('day')!);
      if (iso && daysBetween(meetingDate, iso) >= 0) return iso;
    }
  }
  return null;
}
