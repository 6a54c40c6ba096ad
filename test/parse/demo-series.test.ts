import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf, parseFile, ROOT } from '../helpers.js';

// The sample weekly series in minutes/: later meetings review and close earlier items.
const files = readdirSync(join(ROOT, 'minutes/demo-weekly'))
  .sort()
  .map((f) => `minutes/demo-weekly/${f}`);
const records = files.map(parseFile);

describe('the demo weekly series', () => {
  it('dates every meeting from its title, one week apart', () => {
    expect(records.map((r) => r.date)).toEqual(['2024-09-02', '2024-09-09', '2024-09-16', '2024-09-23', '2024-09-30']);
  });

  it('marks the reviews under "Check AIs from last time" as carried, with the status each review reports', () => {
    for (const [i, record] of records.entries()) {
      const carried = record.actionItems.filter((a) => a.carried);
      if (i === 0) expect(carried).toEqual([]);
      else expect(carried.length).toBeGreaterThan(0);
      for (const item of carried) expect(item.agenda).toBeNull();
    }
    const benchmark = records.map(
      (r) => r.actionItems.find((a) => a.carried && a.text.includes('benchmark the new storage backend'))?.status,
    );
    expect(benchmark).toEqual([undefined, 'open', 'open', 'done', undefined]);
    const dashboards = records[1]!.actionItems.find((a) => a.text.startsWith('TODO: collect the list of dashboards'));
    expect(dashboards).toMatchObject({ carried: true, status: 'dropped', owners: [] });
  });

  it('reads owners in all the forms the series uses', () => {
    const owners = (i: number, text: string) => records[i]!.actionItems.find((a) => a.text.includes(text))?.owners;
    expect(owners(0, 'staging instance of the status page')).toEqual(['alice-k']);
    expect(owners(1, 'need test plan')).toEqual(['team storage']);
    expect(owners(1, 'monitoring migration plan')).toEqual(['emil']);
    expect(owners(2, 'run the keycloak upgrade on staging')).toEqual(['alice-k', 'bmeyer']);
  });

  it('finds the decisions, including the bullets under a bare "Decision:" label', () => {
    const file = files[2]!;
    const lines = records[2]!.decisions.map((d) => d.line);
    expect(lines).toContain(lineOf(file, 'new buckets are created on the new backend'));
    expect(lines).not.toContain(lineOf(file, 'Decision:'));
    expect(records[2]!.decisions.some((d) => /postponed/.test(d.text))).toBe(false);
  });

  it('marks absent participants out and guests in', () => {
    const ids = records[2]!.participants.map((p) => p.id);
    expect(ids).toContain('fritz');
    expect(ids).not.toContain('emil');
  });
});
