import { createHash } from 'node:crypto';
import type { ActionStatus } from '../parse/meeting-record.js';
import { daysBetween } from '../parse/calendar.js';
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
  /** Title of the agenda item it stands under, if any. */
  agenda?: string | null;
}

/** An action item followed across meetings: the mentions that are the same task, oldest first. */
export interface Thread {
  id: string;
  mentions: Mention[];
}

/**
 * The linking rule, in one place. Meetings are taken in order (by date; of two files with the same
 * date, the one whose name sorts first is earlier). Each mention of a meeting joins at most one
 * thread started before that meeting, and each thread takes at most one mention per meeting;
 * a mention that joins none starts a thread of its own.
 *
 * Words are the fingerprint of fingerprint.ts (stems, without markers, handles and stop words; issue
 * numbers and link targets kept) of the mention's text, which for an assignment that names no task
 * of its own ("Yes (AI @x)" under "Group, ML for project board?") includes the bullet it answers
 * (src/parse/recognise/action-items.ts). A mention may join a thread when
 *  - the thread was last mentioned at most MAX_GAP_DAYS before (a review looks back at recent
 *    meetings, not at a task of years ago),
 *  - the thread is open (not done or dropped), unless the mention is a review: a closed item is only
 *    reopened by a review, not by a new task that reads the same (a recurring chore is new each time).
 * It matches the thread when
 *  - their owners are compatible (they share one, or either names none), unless a review repeats the
 *    task word for word (Dice >= VERBATIM) under another owner's name,
 *  - and their words are similar: Dice, against the closest of the thread's wordings so far (reviews
 *    reword a task bit by bit), >= LINK_SIMILARITY; for a review, i.e. a mention under a review
 *    heading ("Check AIs from last time", carried), which says it is an earlier item,
 *    >= CARRIED_SIMILARITY, or >= SAME_OWNERS_SIMILARITY when it names exactly the same owners.
 * The matching pairs of one meeting are linked closest first, so that one mention does not take the
 * item another mention repeats more closely. Equal scores (a task assigned twice in the same words,
 * "will create draft") go to the thread that holds more of the mention's words, counting the title of
 * the agenda item the task was raised under; then to the thread mentioned last.
 *
 * A review that matches no thread still names an earlier item, often in a few words ("discuss
 * w/Lisa"). It joins the open thread last mentioned at the series' previous meeting (the last
 * earlier file with action items: the AIs it checks) that shares an owner with it and holds at
 * least REVIEW_COVERAGE of its words (in any wording, or in the agenda title it was raised under):
 * the only such thread with exactly its owners; or, when none has exactly its owners, the only
 * such thread. No link when two threads qualify, when two reviews single out the same thread, or
 * when the review or the thread names no owner: the owner is what singles the item out.
 *
 * When in doubt, no link. The constants were set on the hand-labelled links of test/fixtures/links
 * (`npm run bench:links`); each lies inside a range of values that give the same figures there:
 * REVIEW_COVERAGE 0.2-0.5 (0.6 loses reviews such as "discuss w/Lisa"), CARRIED_SIMILARITY 0.35-0.5,
 * SAME_OWNERS_SIMILARITY 0.3-0.35 (0.25 makes wrong links: the tightest), VERBATIM 0.8-1,
 * MAX_GAP_DAYS 21-50 (60 makes wrong links). LINK_SIMILARITY, for mentions that do not say they
 * review anything, makes no difference there anywhere from 0.5 to 1; it is kept high on purpose.
 */
export const LINK_SIMILARITY = 0.75;
export const CARRIED_SIMILARITY = 0.5;
export const SAME_OWNERS_SIMILARITY = 0.3;
export const MAX_GAP_DAYS = 45;
export const VERBATIM = 0.9;
export const REVIEW_COVERAGE = 0.4;

function sameOwners(a: string[], b: string[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((o) => b.includes(o));
}

function shareOwner(a: string[], b: string[]): boolean {
  return a.some((o) => b.includes(o));
}

function ownersCompatible(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || shareOwner(a, b);
}

/** The share of a mention's words that are among a thread's words. */
function coverage(words: string[], threadWords: Set<string>): number {
  return words.length === 0 ? 0 : words.filter((w) => threadWords.has(w)).length / words.length;
}

/** Mentions in meeting order: by date (undated last), file, line. */
export function byMeetingOrder(a: Mention, b: Mention): number {
  return (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.source.localeCompare(b.source) || a.line - b.line;
}

function threadId(series: string, first: Mention, words: string[]): string {
  const hash = createHash('sha1')
    .update(`${series}\u0000${first.date ?? ''}\u0000${words.join(' ')}`)
    .digest('hex');
  return `ai-${hash.slice(0, 10)}`;
}

type Open = Thread & { words: string[]; wordings: string[][]; known: Set<string>; owners: string[] };

const lastOf = (thread: Open): Mention => thread.mentions[thread.mentions.length - 1]!;

/** Whether a mention may join a thread at all: a later meeting, not too late, and open unless reviewed. */
function mayJoin(mention: Mention, thread: Open): boolean {
  const last = lastOf(thread);
  if (!mention.date || !last.date || byMeetingOrder(last, mention) >= 0 || last.source === mention.source) return false;
  if (daysBetween(last.date, mention.date) > MAX_GAP_DAYS) return false;
  return last.status === 'open' || mention.carried;
}

/** The mention's similarity to a thread when they match by words and owners, else null. */
function matchScore(mention: Mention, words: string[], thread: Open): number | null {
  const score = Math.max(...thread.wordings.map((w) => similarity(words, w)));
  if (!ownersCompatible(mention.owners, thread.owners) && !(mention.carried && score >= VERBATIM)) return null;
  const threshold = !mention.carried
    ? LINK_SIMILARITY
    : sameOwners(mention.owners, thread.owners)
      ? SAME_OWNERS_SIMILARITY
      : CARRIED_SIMILARITY;
  return score >= threshold ? score : null;
}

/** The one open thread of the previous meeting that a review singles out by owners and words, or null. */
function reviewedThread(
  mention: Mention,
  words: string[],
  threads: Open[],
  previousMeeting: string | null,
): Open | null {
  if (!mention.carried) return null;
  const reviewed = threads.filter(
    (t) =>
      lastOf(t).status === 'open' &&
      lastOf(t).source === previousMeeting &&
      shareOwner(mention.owners, t.owners) &&
      coverage(words, t.known) >= REVIEW_COVERAGE,
  );
  const exact = reviewed.filter((t) => sameOwners(mention.owners, t.owners));
  if (exact.length === 1) return exact[0]!;
  return exact.length === 0 && reviewed.length === 1 ? reviewed[0]! : null;
}

/**
 * Group the mentions of one series into threads. Deterministic: the same mentions in any
 * order give the same threads and ids, since they are taken in meeting order, and the mentions of
 * one meeting are matched to the earlier threads together, closest pairs first.
 */
export function linkMentions(series: string, mentions: Mention[]): Thread[] {
  const threads: Open[] = [];
  const meetings: Mention[][] = [];
  for (const mention of [...mentions].sort(byMeetingOrder)) {
    const current = meetings[meetings.length - 1];
    if (current && current[0]!.source === mention.source) current.push(mention);
    else meetings.push([mention]);
  }
  let previousMeeting: string | null = null;
  for (const meeting of meetings) {
    const words = meeting.map((m) => fingerprint(m.text));
    const earlier = [...threads];
    const pairs: { index: number; thread: Open; order: number; score: number; held: number }[] = [];
    meeting.forEach((mention, index) => {
      earlier.forEach((thread, order) => {
        if (!mayJoin(mention, thread)) return;
        const score = matchScore(mention, words[index]!, thread);
        if (score !== null) pairs.push({ index, thread, order, score, held: coverage(words[index]!, thread.known) });
      });
    });
    // Closest first; equal scores (a task assigned twice in the same words) go to the thread that holds
    // more of the mention's words with its topic, then to the one mentioned last.
    pairs.sort(
      (a, b) =>
        b.score - a.score ||
        b.held - a.held ||
        byMeetingOrder(lastOf(b.thread), lastOf(a.thread)) ||
        a.index - b.index ||
        a.order - b.order,
    );
    const joins = new Map<number, Open>();
    const taken = new Set<Open>();
    for (const pair of pairs) {
      if (joins.has(pair.index) || taken.has(pair.thread)) continue;
      joins.set(pair.index, pair.thread);
      taken.add(pair.thread);
    }
    // Reviews that match none by similarity: a thread singled out by one review only.
    const untaken = earlier.filter((t) => !taken.has(t));
    const picks = new Map<number, Open>();
    meeting.forEach((mention, index) => {
      if (joins.has(index)) return;
      const pick = reviewedThread(
        mention,
        words[index]!,
        untaken.filter((t) => mayJoin(mention, t)),
        previousMeeting,
      );
      if (pick) picks.set(index, pick);
    });
    for (const [index, pick] of picks) {
      if ([...picks.values()].filter((p) => p === pick).length === 1) joins.set(index, pick);
    }
    meeting.forEach((mention, index) => {
      const thread = joins.get(index);
      if (thread) {
        thread.mentions.push(mention);
        thread.wordings.push(words[index]!);
        for (const w of words[index]!) thread.known.add(w);
        if (thread.owners.length === 0) thread.owners = mention.owners;
      } else {
        const known = new Set([...words[index]!, ...fingerprint(mention.agenda ?? '')]);
        threads.push({
          id: '',
          mentions: [mention],
          words: words[index]!,
          wordings: [words[index]!],
          known,
          owners: mention.owners,
        });
      }
    });
    previousMeeting = meeting[0]!.source;
  }
  const used = new Map<string, number>();
  return threads.map((t) => {
    const base = threadId(series, t.mentions[0]!, t.words);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, mentions: t.mentions };
  });
}
