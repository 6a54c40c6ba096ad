import { describe, expect, it } from 'vitest';
import { parseText } from '../helpers.js';

// The forms of minutes written in other styles than the SCS ones, one rule at a time.
describe('other styles of minutes', () => {
  it('reads Action Items and Decisions Made sections, with owners by first name', () => {
    const record = parseText(
      [
        '# Team sync 2020-02-05',
        '## Decisions Made',
        '- Ship v2 in March',
        '## Action Items',
        '- Martin to drop the legacy exporter',
        '- @sam: update the runbook',
        'Next steps: we look at it again',
      ].join('\n'),
    );
    expect(record.decisions.map((d) => d.line)).toEqual([3]);
    expect(record.actionItems.map((a) => [a.line, a.owners])).toEqual([
      [5, ['martin']],
      [6, ['sam']],
    ]);
  });

  it("reads a participant's IRC nickname as the owner where the text is a task, and no other word", () => {
    const record = parseText(
      [
        '# 2021-02-03',
        '* ACTION: tkowalski to add the disk alert (lmoreau, 15:12:02)',
        '* TODO: talk to gateway about the mirrors',
        '## Action items',
        '* rhadid to move the certificates',
        '* plan to review the backups',
        '## People present (lines said)',
        '* lmoreau (41)',
        '* tkowalski (17)',
        '* rhadid (12)',
      ].join('\n'),
    );
    expect(record.actionItems.map((a) => [a.line, a.owners])).toEqual([
      [2, ['tkowalski']],
      [3, []],
      [5, ['rhadid']],
      [6, []],
    ]);
  });

  it('reads a definition list of attendees ("Present" / ": names") as one label line', () => {
    const record = parseText(
      [
        '# 2022-05-12',
        '## Attendees',
        '',
        'Present',
        ': Hana Sato, Marco Ruiz',
        '',
        'Regrets',
        ': Jonas Berg',
        '',
        'Scribe',
        ': Marco Ruiz',
      ].join('\n'),
    );
    expect(record.participants.map((p) => p.id)).toEqual(['hana sato', 'marco ruiz']);
  });

  it('reads tables of actions with Owner, Due and Status columns', () => {
    const record = parseText(
      [
        '# 2020-06-09',
        '## Action items',
        '| Action | Owner | Due | Status |',
        '|---|---|---|---|',
        '| Replace the NAT gateways | Jan | 2020-06-05 | Done |',
        '| Evaluate Vault | @marco | by Friday | |',
      ].join('\n'),
    );
    expect(record.actionItems).toMatchObject([
      { line: 5, text: 'Replace the NAT gateways', owners: ['jan'], status: 'done', due: '2020-06-05' },
      { line: 6, owners: ['marco'], status: 'open', due: '2020-06-12' },
    ]);
  });

  it('reads ACTION / DECISION / RESOLVED lines in running notes', () => {
    const record = parseText(
      [
        '# Board, 5 February 2020',
        'Some discussion.',
        'ACTION: Priya to send the budget by Friday',
        'DECISION: we ship v2 on 2020-03-01',
        'RESOLVED: the committee approves the charter',
      ].join('\n'),
    );
    expect(record.date).toBe('2020-02-05');
    expect(record.actionItems).toMatchObject([{ line: 3, owners: ['priya'], due: '2020-02-07' }]);
    expect(record.decisions.map((d) => d.line)).toEqual([4, 5]);
  });

  it('reads checkbox tasks under a Tasks heading, with status from boxes, strikethrough and words', () => {
    const record = parseText(
      [
        '# 2020-10-09',
        '## Tasks',
        '- [ ] @bjoernk set up redirects by 16 Oct',
        '- [x] Ishaan: add the Vale config',
        '- [ ] Clara: order stickers — dropped, swag is digital',
        '- [ ] ~~Dev: migrate the runners~~',
        '- [ ] Jonas: share the export ✅',
      ].join('\n'),
    );
    expect(record.actionItems.map((a) => [a.owners[0], a.status, a.due])).toEqual([
      ['bjoernk', 'open', '2020-10-16'],
      ['ishaan', 'done', null],
      ['clara', 'dropped', null],
      ['dev', 'done', null],
      ['jonas', 'done', null],
    ]);
  });

  it('takes attendees from front matter, tables and comma lines, and leaves out apologies', () => {
    const fromFrontMatter = parseText(
      ['---', 'title: Hiring', 'date: 2020-08-20', 'attendees: [Ruth Adler, "@zoe"]', '---', '# Hiring'].join('\n'),
      'styles/hiring.md',
    );
    expect(fromFrontMatter.participants.map((p) => p.id)).toEqual(['ruth adler', 'zoe']);
    expect(fromFrontMatter.date).toBe('2020-08-20');
    const fromTable = parseText(
      [
        '# Finance — 24 November 2020',
        '| Name | Role |',
        '|---|---|',
        '| Gabriele Conti | Chair |',
        '| @nia | Auditor |',
        '',
        'Apologies: Wolfgang Engel, Meera Pillai',
      ].join('\n'),
    );
    expect(fromTable.participants.map((p) => p.id)).toEqual(['gabriele conti', 'nia']);
    const fromLine = parseText(
      ['# 2020-02-13', 'Attendees: Arjun, Yusuf (remote), Olga (guest)', 'Absent: Niklas Braun'].join('\n'),
    );
    expect(fromLine.participants.map((p) => p.id)).toEqual(['arjun', 'yusuf', 'olga']);
  });

  it('marks reviews of earlier items as carried under the usual headings', () => {
    for (const heading of [
      'Follow-up from last meeting',
      'Review of previous action items',
      'Action items carried over',
      'Open items from earlier meetings',
      'Pending action items',
    ]) {
      const record = parseText(
        [
          '# 2020-02-13',
          `## ${heading}`,
          '- Arjun: rotate the certificates (done)',
          '- Yusuf to evaluate Loki — still open',
        ].join('\n'),
      );
      expect(
        record.actionItems.map((a) => [a.carried, a.status]),
        heading,
      ).toEqual([
        [true, 'done'],
        [true, 'open'],
      ]);
      expect(record.agenda, heading).toEqual([]);
    }
  });

  it('takes one topic per slide in a slide deck, skipping the title slide and repeated slides', () => {
    const deck = [
      '---',
      'type: slide',
      '---',
      '# Community Call 2024-06-20',
      '---',
      '# Team IaaS',
      '## Details',
      '----',
      '## Team IaaS',
      '---',
      '# Team Ops',
      '---',
      '# Any newcomers?',
    ];
    const record = parseText(deck.join('\n'), 'community-call/20240620.md');
    expect(record.agenda.map((a) => a.title)).toEqual(['Team IaaS', 'Team Ops']);
  });

  it('reads a date written under a When heading, and a Who list as participants', () => {
    const record = parseText(
      ['# Hackathon', '## When', 'September, 15th 2022 - 10 - 16:30', '## Who', '@fkr', '@gtema'].join('\n'),
      'hackathons/x/minutes.md',
    );
    expect(record.date).toBe('2022-09-15');
    expect(record.participants.map((p) => p.id)).toEqual(['fkr', 'gtema']);
  });
});
