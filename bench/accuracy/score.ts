import type { MeetingRecord } from '../../src/parse/meeting-record.js';
import type { Gold } from './gold.js';

/** Counts for precision / recall over matched sets. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Counts for agreement on the items both sides found. */
export interface Agreement {
  same: number;
  of: number;
}

export interface Scores {
  files: number;
  actionItems: Tally;
  owners: Agreement;
  status: Agreement;
  carried: Agreement;
  due: Agreement;
  decisions: Tally;
  agenda: Tally;
  participants: Tally;
  date: Agreement;
}

export function emptyScores(): Scores {
  const t = () => ({ tp: 0, fp: 0, fn: 0 });
  const a = () => ({ same: 0, of: 0 });
  return {
    files: 0,
    actionItems: t(),
    owners: a(),
    status: a(),
    carried: a(),
    due: a(),
    decisions: t(),
    agenda: t(),
    participants: t(),
    date: a(),
  };
}

function tallySets<T>(found: Set<T>, expected: Set<T>, into: Tally): void {
  for (const x of found)
    if (expected.has(x)) into.tp++;
    else into.fp++;
  for (const x of expected) if (!found.has(x)) into.fn++;
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** Score one record against its gold label, adding into `scores`. Items are matched by line. */
export function scoreFile(record: MeetingRecord, gold: Gold, scores: Scores): void {
  scores.files++;
  tallySets(
    new Set(record.actionItems.map((a) => a.line)),
    new Set(gold.actionItems.map((a) => a.line)),
    scores.actionItems,
  );
  const found = new Map(record.actionItems.map((a) => [a.line, a]));
  for (const expected of gold.actionItems) {
    const item = found.get(expected.line);
    if (!item) continue;
    const agree = (field: Agreement, same: boolean) => {
      field.of++;
      if (same) field.same++;
    };
    agree(scores.owners, sameSet(item.owners, expected.owners));
    agree(scores.status, item.status === expected.status);
    agree(scores.carried, item.carried === expected.carried);
    agree(scores.due, item.due === expected.due);
  }
  tallySets(new Set(record.decisions.map((d) => d.line)), new Set(gold.decisions.map((d) => d.line)), scores.decisions);
  tallySets(new Set(record.agenda.map((a) => a.line)), new Set(gold.agenda.map((a) => a.line)), scores.agenda);
  tallySets(new Set(record.participants.map((p) => p.id)), new Set(gold.participants), scores.participants);
  scores.date.of++;
  if (record.date === gold.date) scores.date.same++;
}

export function prf(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function rate(a: Agreement): number {
  return a.of === 0 ? 1 : a.same / a.of;
}

/** The figures the targets are stated in. */
export function summary(s: Scores) {
  return {
    files: s.files,
    actionItems: prf(s.actionItems),
    owners: rate(s.owners),
    status: rate(s.status),
    carried: rate(s.carried),
    due: rate(s.due),
    decisions: prf(s.decisions),
    agenda: prf(s.agenda),
    participants: prf(s.participants),
    date: rate(s.date),
  };
}

/** The targets of the accuracy issue: every community, and stricter ones for the project's own example (scs). */
export const TARGETS = {
  actionItemsF1: 0.9,
  owners: 0.95,
  decisionsF1: 0.8,
  agendaF1: 0.8,
  participantsF1: 0.95,
  date: 0.95,
};

export const SCS_TARGETS = { ...TARGETS, actionItemsF1: 0.97, owners: 0.97, decisionsF1: 0.9, agendaF1: 0.9 };

type Summary = ReturnType<typeof summary>;

export function targetsMet(s: Summary, targets = TARGETS): Record<keyof typeof TARGETS, boolean> {
  return {
    actionItemsF1: s.actionItems.f1 >= targets.actionItemsF1,
    owners: s.owners >= targets.owners,
    decisionsF1: s.decisions.f1 >= targets.decisionsF1,
    agendaF1: s.agenda.f1 >= targets.agendaF1,
    participantsF1: s.participants.f1 >= targets.participantsF1,
    date: s.date >= targets.date,
  };
}

/** The targets that apply to a community's figures. */
export function targetsFor(community: string, s: Summary): Record<keyof typeof TARGETS, boolean> {
  return targetsMet(s, community === 'scs' ? SCS_TARGETS : TARGETS);
}
