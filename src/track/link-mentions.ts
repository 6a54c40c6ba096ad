import { createHash } from 'node:crypto';
import type { ActionStatus } from '../parse/meeting-record.js';
import { daysBetween } from '../parse/recognise/dates.js';
import { fingerprint, similarity } from './fingerprint.js';

/** One action item as one meeting's minutes mention it. */
export interface Mention {
  id: number;
  date: string | null;
  source: string;
  line: number;
  text: string;
  owners: string[];
  status: ActionStatus;
  carried: boolean;
  due: string | null;
}

/** An action item followed across meetings: the mentions that are the same task, oldest first. */
export interface Thread {
  id: string;
  mentions: Mention[];
}

/**
 * The linking rule, in one place. A mention joins an earlier thread of the same series when
 *  - the thread's last mention is from an earlier meeting (one mention per meeting; of two files
 *    with the same date, the one whose name sorts first is earlier), at most MAX_GAP_DAYS before
 *    (a review looks back at recent meetings, not at a task of years ago),
 *  - their owners are compatible (they share one, or either names none), unless a review
 *    repeats the task word for word (Dice >= VERBATIM) under another owner's name,
 *  - their words are similar (Dice, against the thread's first or latest wording): >= LINK_SIMILARITY;
 *    for a mention under a review heading ("Check AIs from last time"), which says it is an earlier
 *    item, >= CARRIED_SIMILARITY, or >= SAME_OWNERS_SIMILARITY when it names exactly the same owners,
 *  - and a closed thread (done, dropped) is only reopened by a review, not by a new task
 *    that happens to read the same (a recurring chore is a new item each time).
 * The most similar thread wins; ties go to the one mentioned last. When in doubt, no link.
 */
export const LINK_SIMILARITY = 0.75;
export const CARRIED_SIMILARITY = 0.5;
export const SAME_OWNERS_SIMILARITY = 0.3;
export const MAX_GAP_DAYS = 45;
export const VERBATIM = 0.9;


function sameOwners(a: string[], b: string[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((o) => b.includes(o));
}

function ownersCompatible(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((o) => b.includes(o));
}

/** Mentions in meeting order: by date (undated last), file, line. */
export function byMeetingOrder(a: Mention, b: Mention): number {
  return (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.source.localeCompare(b.source) || a.line - b.line;
}

function threadId(series: string, first: Mention, words: string[]): string {
  const hash = createHash('sha1').update(`${series}\u0000${first.date ?? ''}\u0000${words.join(' ')}`).digest('hex');
  return `ai-${hash.slice(0, 10)}`;
}

/**
 * Group the mentions of one series into threads. Deterministic: the same mentions in any
 * order give the same threads and ids, since they are taken in meeting order.
 */
export function linkMentions(series: string, mentions: Mention[]): Thread[] {
  const threads: (Thread & { words: string[]; lastWords: string[]; owners: string[] })[] = [];
  for (const mention of [...mentions].sort(byMeetingOrder)) {
    const words = fingerprint(mention.text);
    let best: (typeof threads)[number] | null = null;
    let bestScore = 0;
    for (const thread of threads) {
      const last = thread.mentions[thread.mentions.length - 1]!;
      if (!mention.date || !last.date || byMeetingOrder(last, mention) >= 0 || last.source === mention.source) continue;
      if (daysBetween(last.date, mention.date) > MAX_GAP_DAYS) continue;
      if (last.status !== 'open' && !mention.carried) continue;
      const score = Math.max(similarity(words, thread.words), similarity(words, thread.lastWords));
      if (!ownersCompatible(mention.owners, thread.owners) && !(mention.carried && score >= VERBATIM)) continue;
      const threshold = !mention.carried ? LINK_SIMILARITY : sameOwners(mention.owners, thread.owners) ? SAME_OWNERS_SIMILARITY : CARRIED_SIMILARITY;
      if (score < threshold) continue;
      if (score > bestScore || (score === bestScore && best && byMeetingOrder(last, best.mentions[best.mentions.length - 1]!) > 0)) {
        best = thread;
        bestScore = score;
      }
    }
    if (best) {
      best.mentions.push(mention);
      best.lastWords = words;
      if (best.owners.length === 0) best.owners = mention.owners;
    } else {
      threads.push({ id: '', mentions: [mention], words, lastWords: words, owners: mention.owners });
    }
  }
  const used = new Map<string, number>();
  return threads.map((t) => {
    const base = threadId(series, t.mentions[0]!, t.words);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, mentions: t.mentions };
  });
}
