import type { MeetingRecord } from '../../src/parse/meeting-record.js';
import type { Gold } from './gold.js';

/** Every disagreement between a record and its label, as `source:line: field: found X, labelled Y`. */
export function disagreements(record: MeetingRecord, gold: Gold): string[] {
  const out: string[] = [];
  const at = (line: number | string) => `${gold.source}:${line}`;
  const lines = <T extends { line: number }>(xs: T[]) => new Map(xs.map((x) => [x.line, x]));
  const compareSets = <A extends { line: number }, B extends { line: number }>(
    field: string,
    found: A[],
    expected: B[],
    text: (x: A | B) => string,
  ) => {
    const f = lines(found);
    const e = lines(expected);
    for (const [line, x] of f) if (!e.has(line)) out.push(`${at(line)}: ${field}: extra: ${text(x)}`);
    for (const [line, x] of e) if (!f.has(line)) out.push(`${at(line)}: ${field}: missed: ${text(x)}`);
  };
  compareSets('action', record.actionItems, gold.actionItems, (x) => ('text' in x ? String(x.text) : ''));
  const found = lines(record.actionItems);
  for (const expected of gold.actionItems) {
    const item = found.get(expected.line);
    if (!item) continue;
    if ([...item.owners].sort().join() !== [...expected.owners].sort().join())
      out.push(
        `${at(expected.line)}: owners: found ${JSON.stringify(item.owners)}, labelled ${JSON.stringify(expected.owners)}`,
      );
    if (item.status !== expected.status)
      out.push(`${at(expected.line)}: status: found ${item.status}, labelled ${expected.status}`);
    if (item.carried !== expected.carried)
      out.push(`${at(expected.line)}: carried: found ${item.carried}, labelled ${expected.carried}`);
    if (item.due !== expected.due) out.push(`${at(expected.line)}: due: found ${item.due}, labelled ${expected.due}`);
  }
  compareSets('decision', record.decisions, gold.decisions, (x) => ('text' in x ? String(x.text) : ''));
  compareSets('agenda', record.agenda, gold.agenda, (x) => ('title' in x ? String(x.title) : ''));
  const ids = new Set(record.participants.map((p) => p.id));
  const expected = new Set(gold.participants);
  for (const id of ids) if (!expected.has(id)) out.push(`${at('-')}: participant: extra: ${id}`);
  for (const id of expected) if (!ids.has(id)) out.push(`${at('-')}: participant: missed: ${id}`);
  if (record.date !== gold.date) out.push(`${at('-')}: date: found ${record.date}, labelled ${gold.date}`);
  return out;
}
