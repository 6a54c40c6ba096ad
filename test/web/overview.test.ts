import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMarkdownFiles } from '../../src/import/find-files.js';
import { importText } from '../../src/import/import-files.js';
import { overview, monthsUpTo } from '../../src/store/overview.js';
import { personCard } from '../../src/store/person-card.js';
import { listDecisions } from '../../src/store/decisions.js';
import { changeItemStatus, listTrackedItems, relinkSeries } from '../../src/store/tracked-items.js';
import { tempKnowledgeBase } from '../helpers.js';

let kb: ReturnType<typeof tempKnowledgeBase>;

beforeAll(() => {
  kb = tempKnowledgeBase();
  const imported = findMarkdownFiles([kb.minutes]).map((file) =>
    importText(kb.db, readFileSync(file.source), { ...file, source: relative(kb.dir, file.source) }),
  );
  for (const series of new Set(imported.flatMap((r) => (r.outcome === 'failed' ? [] : r.series))))
    relinkSeries(kb.db, series);
});
afterAll(() => kb.remove());

describe('the overview of the front page', () => {
  it('counts the open items as the lists do: live and stale, in all, by series and by owner', () => {
    const o = overview(kb.db);
    const all = listTrackedItems(kb.db, { status: 'open', state: 'all', limit: -1 }).items;
    expect(o.live + o.stale).toBe(all.length);
    expect(o.live).toBe(all.filter((i) => i.state === 'live').length);
    expect(o.stale).toBe(all.filter((i) => i.state === 'stale').length);
    expect(o.overdue).toBe(all.filter((i) => i.overdue).length);
    expect(o.stale).toBeGreaterThan(0); // the example minutes have items no later meeting mentions
    for (const row of o.bySeries) {
      const items = all.filter((i) => (i.series ?? '') === row.key);
      expect({ live: row.live, stale: row.stale }, row.key).toEqual({
        live: items.filter((i) => i.state === 'live').length,
        stale: items.filter((i) => i.state === 'stale').length,
      });
    }
    for (const row of o.byOwner)
      expect(row.live + row.stale, row.key).toBe(all.filter((i) => i.owners.includes(row.key)).length);
    expect(o.bySeries.map((r) => r.live)).toEqual([...o.bySeries.map((r) => r.live)].sort((a, b) => b - a));
  });

  it('lists the newest decisions first, and sums the months of every series into the totals', () => {
    const o = overview(kb.db, { months: 6 });
    expect(o.decisions.map((d) => d.text)).toEqual(listDecisions(kb.db, { limit: 8 }).items.map((d) => d.text));
    expect(o.months).toHaveLength(6);
    expect(o.months[5]).toBe(o.latestMeeting!.slice(0, 7));
    for (const field of ['decisions', 'raised', 'closed'] as const) {
      expect(
        o.total.reduce((n, t) => n + t[field], 0),
        field,
      ).toBe(o.perSeries.reduce((n, r) => n + r[field], 0));
    }
    const raised = listTrackedItems(kb.db, { status: 'all', state: 'all', limit: -1 }).items.filter(
      (i) => i.firstRaised && i.firstRaised.slice(0, 7) >= o.months[0]!,
    );
    expect(o.total.reduce((n, t) => n + t.raised, 0)).toBe(raised.length);
  });

  it('counts an item closed by hand in the month it was closed', () => {
    const [item] = listTrackedItems(kb.db, { status: 'open', state: 'all', limit: 1 }).items;
    changeItemStatus(kb.db, item!.id, 'done', 'by hand', '2024-09-30T10:00:00.000Z');
    const september = overview(kb.db).total.find((t) => t.month === '2024-09')!;
    changeItemStatus(kb.db, item!.id, 'open', null, '2024-09-30T11:00:00.000Z');
    expect(september.closed - overview(kb.db).total.find((t) => t.month === '2024-09')!.closed).toBe(1);
  });

  it('counts months back across a new year', () => {
    expect(monthsUpTo('2024-02', 4)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});

describe('who a person page is about', () => {
  it('finds a person by handle, @handle and name, and nobody by a name nobody has', () => {
    const byHandle = personCard(kb.db, 'emil');
    expect(byHandle).toMatchObject({ id: 'emil', handle: 'emil' });
    expect(byHandle!.meetings).toBeGreaterThan(0);
    expect(personCard(kb.db, '@emil')).toEqual(byHandle);
    if (byHandle!.name) expect(personCard(kb.db, byHandle!.name)).toEqual(byHandle);
    expect(personCard(kb.db, 'nobody-here')).toBeNull();
  });
});
