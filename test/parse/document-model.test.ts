import { describe, expect, it } from 'vitest';
import { labelKind } from '../../src/parse/recognise/sections.js';
import { tableKind } from '../../src/parse/tables.js';
import { seriesOfPath } from '../../src/import/series.js';
import { corpusLineOf as lineIn, HAS_CORPUS, parseCorpusFile, parseText } from '../helpers.js';

describe('section roles come from the words a label contains', () => {
  it.each([
    ['Key decisions', 'decisions'],
    ['Decisions made today', 'decisions'],
    ['We concluded:', 'decisions'],
    ['Beschlüsse', 'decisions'],
    ['Conclusion/Resolution', 'conclusions'],
    ['Consensus / Resolution', 'conclusions'],
    ['Summary / Conclusion', 'conclusions'],
    ['Actionables', 'actions'],
    ['Action Items (AIs)', 'actions'],
    ['Next steps', 'actions'],
    ['Aufgaben', 'actions'],
    ['Roll call', 'participants'],
    ['Remote attendees', 'participants'],
    ['Participants - use of github handle is preferred', 'participants'],
    ['Teilnehmer', 'participants'],
    ['Agenda items', 'agenda'],
    ['Tagesordnung', 'agenda'],
    ['Discussion items', 'discussion'],
    ['Meeting notes', 'discussion'],
    ['Check AIs from last time', 'review'],
    ['Action items carried over', 'review'],
    ['Pending action items', 'review'],
    ['Any other business', 'housekeeping'],
    ['Upcoming Meetings', 'housekeeping'],
    ['Date & time', 'logistics'],
    ['Links', 'logistics'],
  ])('%j is a %s label', (label, role) => expect(labelKind(label)).toBe(role));

  it.each([
    'Decision on keycloak',
    'Agenda for the summit in Berlin',
    'Remote work policy',
    'Release notes',
    'Call for Action',
  ])('%j names a topic, not a section', (label) => expect(labelKind(label)).toBeNull());
});

describe('table kinds come from the header words', () => {
  it.each([
    [['Decision', 'Details'], 'decisions'],
    [['Decisions made in July', 'Why'], 'decisions'],
    [['Action', 'Owner', 'Due', 'Status'], 'actions'],
    [['Who', 'What', 'When'], 'actions'],
    [['Aufgabe', 'Verantwortlich', 'Bis'], 'actions'],
    [['Name', 'Abbreviation', 'Organization'], 'attendees'],
    [['Attendee', 'Company'], 'attendees'],
    [['Version', 'Release date'], null],
  ])('%j is a %s table', (header, kind) => expect(tableKind(header)).toBe(kind));

  it('reads each row of a decision table whose header says more than "Decisions" as a decision', () => {
    const record = parseText(
      [
        '# 2024-07-15',
        '| Decisions made in July | Why |',
        '|---|---|',
        '| Ship v2 | ready |',
        '| Drop v1 | old |',
      ].join('\n'),
    );
    expect(record.decisions.map((d) => d.line)).toEqual([4, 5]);
  });
});

describe('transcripts: conversation is no record', () => {
  const transcript = [
    '# 2021-03-10',
    '## Temporal',
    'AB: I think we will ship this, and I agree there is consensus.',
    'CD: I will write the spec text next week.',
    'EF: We decided that last time already.',
    'AB: Any objections? None, so consensus.',
    '### Conclusion/Resolution',
    '- Consensus on Stage 3',
    '- No consensus on the naming',
    '- CD will write the spec text',
  ].join('\n');

  it('takes no decision or action item from a speaker\'s "we will", "consensus" or "I will"', () => {
    const record = parseText(transcript);
    expect(record.actionItems).toEqual([]);
    expect(record.decisions.map((d) => d.line)).toEqual([8]);
  });

  it.skipIf(!HAS_CORPUS)("in real tc39 notes, takes the conclusions and leaves the speakers' lines", () => {
    const path = 'tc39/2020-06/june-2.md';
    const record = parseCorpusFile(path);
    const lines = record.decisions.map((d) => d.line);
    expect(lines).toContain(lineIn(path, 'Consensus for Stage 4!'));
    expect(lines).toContain(lineIn(path, '- Consensus on PR 64.'));
    expect(lines).not.toContain(lineIn(path, 'JHD: For a normal proposal'));
    expect(lines).not.toContain(lineIn(path, 'MB: Does anyone have any objections'));
    expect(lines).not.toContain(lineIn(path, '- Need to resolve the SES concern on PR 59; no consensus'));
    expect(record.participants.map((p) => p.id)).toContain('yulia startsev');
    expect(record.date).toBe('2020-06-02');
  });
});

describe('conclusion sections: outcomes, not what is still open', () => {
  const notes = [
    '# 2019-06-04',
    '## Anonymous function names',
    'AB: Can we merge it once reviewed?',
    '### Conclusion/Resolution',
    '- We have consensus on the semantics of the change',
    '- We need more folks to review it.',
    "- We're waiting on reviews and tests to merge it.",
    '- Reviewers:',
    '  - Daniel Ehrenberg',
    '  - Keith Miller',
    '- – NHD to get in touch with J Chung',
    '## Resizable buffers',
    '### Conclusion/Resolution',
    'to resolve:',
    '- page size rounding',
    '- where to put constructors',
    '',
    'chartered:',
    '- lazy imports',
    '- module fragments',
  ].join('\n');

  it('takes outcomes and people named for a role, and leaves follow-ups and open points', () => {
    const lines = parseText(notes).decisions.map((d) => d.line);
    expect(lines).toEqual([5, 8, 19, 20]);
  });
});

describe('owners are people or groups', () => {
  it('takes no owner from a word after "@" that names nobody', () => {
    const record = parseText(
      [
        '# 2024-07-15',
        '- AI @need to check the docs',
        '- Action Item: @fkr create a story',
        '- AI @all: read the doc',
      ].join('\n'),
    );
    expect(record.actionItems.map((a) => a.owners)).toEqual([[], ['fkr'], ['all']]);
  });

  it('resolves first names and initials to the participants of the same meeting, and says to whom', () => {
    const record = parseText(
      [
        '# 2024-07-15',
        '## Participants',
        '- Kurt Garloff (@garloff)',
        '- Allen Wirfs-Brock (AWB)',
        '## Action items',
        '- Kurt to send the slides',
        '- TODO(AWB): add link',
      ].join('\n'),
    );
    expect(record.actionItems.map((a) => [a.owners, a.resolvedOwners])).toEqual([
      [['kurt'], { kurt: 'garloff' }],
      [['awb'], { awb: 'allen wirfs-brock' }],
    ]);
  });

  it.skipIf(!HAS_CORPUS)('reads owners before a dash in an ipfs action list, and initials in a tc39 roster', () => {
    const ipfs = 'ipfs/2019/Q3/2019-07-11--core-implementations-release-process.md';
    const item = parseCorpusFile(ipfs).actionItems.find(
      (a) => a.line === lineIn(ipfs, 'Steven - Iterate on release process'),
    );
    expect(item?.owners).toEqual(['steven']);
    const tc39 = 'tc39/2015-05/may-28.md';
    const todo = parseCorpusFile(tc39).actionItems.find((a) => a.line === lineIn(tc39, 'TODO(JH): add link'));
    expect(todo).toMatchObject({ owners: ['jh'], resolvedOwners: { jh: 'jafar husain' } });
  });
});

describe('agenda lists and their containers', () => {
  it.skipIf(!HAS_CORPUS)('takes the issues under a repository heading as the topics, not the heading', () => {
    const path = 'nodejs-tsc/2023-12-20.md';
    const record = parseCorpusFile(path);
    const lines = record.agenda.map((a) => a.line);
    expect(lines).toContain(lineIn(path, '* Inconsistent behavior of nextTick and queueMicrotask'));
    expect(lines).not.toContain(lineIn(path, '### nodejs/node'));
    expect(lines).not.toContain(lineIn(path, '## Present'));
    expect(record.participants.map((p) => p.id)).toContain('mcollina');
  });

  it.skipIf(!HAS_CORPUS)('leaves out agenda bullets about running the meeting', () => {
    const path = 'ipfs/2016/Q4/2016-12-19--all-hands.md';
    const titles = parseCorpusFile(path).agenda.map((a) => a.title);
    expect(titles.some((t) => /roll call|additional agenda items/i.test(t))).toBe(false);
    expect(titles).toContain("Next week's call");
  });
});

describe('dates in every common form', () => {
  it.each([
    ['# Weekly\n\nDate & time: March 3, 2023, 15:00 UTC', 'team/weekly.md', '2023-03-03'],
    ['# Weekly\n\nWhen: May 5th 2022, 5pm-6pm UTC', 'team/weekly.md', '2022-05-05'],
    ['# July 29, 2015 Meeting Notes', 'notes/x.md', '2015-07-29'],
    ['# July 29 Meeting Notes', 'tc39/2015-07/x.md', '2015-07-29'],
    ['# Notes', 'tc39/2015-07/july-29.md', '2015-07-29'],
    ['# Notes', 'team/2022/team-05-05.md', '2022-05-05'],
    ['# Sync 2024/9/19', 'team/sync.md', '2024-09-19'],
    ['# Vorstand\n\nDatum: 15.07.2024', 'verein/vorstand.md', '2024-07-15'],
    ['# Go core weekly', 'ipfs/2019/Q2/2019-04-08--go-core-dev-team-weekly.md', '2019-04-08'],
    ['| Date | 2024-09-19 |\n|---|---|\n| Time | 15:00 |', 'team/weekly.md', '2024-09-19'],
  ])('%j in %s is dated %s', (markdown, source, date) => expect(parseText(markdown, source).date).toBe(date));

  it.skipIf(!HAS_CORPUS).each([
    ['scs/iam/20240830-iam-workshop.md', '2024-08-30'],
    ['nodejs-tsc/2017-10-11.md', '2017-10-11'],
    ['tc39/2012-07/toc.md', '2012-07-24'],
    ['tc39/2020-06/june-2.md', '2020-06-02'],
    ['ipfs/2016/Q3/2016-08-15--go-ipfs.md', '2016-08-15'],
  ])('dates the real minutes %s as %s', (path, date) => expect(parseCorpusFile(path).date).toBe(date));

  it('says why a meeting has no date', () => {
    const record = parseText('# Summary of the meeting\n\nNothing dated here.', 'team/summary.md');
    expect(record.date).toBeNull();
    expect(record.warnings.map((w) => w.message).join()).toMatch(/no meeting date found/);
  });

  it('says which date won when the title and the file name disagree', () => {
    const record = parseText('# Weekly 2024-07-16', 'team/20240715.md');
    expect(record.date).toBe('2024-07-16');
    expect(record.warnings.map((w) => w.message).join()).toMatch(
      /title date 2024-07-16 differs from file name date 2024-07-15; using the title/,
    );
  });
});

describe('series a reader would name, whichever folder the import starts from', () => {
  it.each([
    ['../shared/corpus/scs/iaas/20240110.md', 'iaas'],
    ['scs/iam/20231211-keycloak-kubernetes.md', 'iam'],
    ['/data/scs/hackathons/2023-07-18-api-mini-hackathon.md', 'hackathons'],
    ['scs/hackathons/2022-09-27-gx-hackathon-5/minutes.md', 'hackathons'],
    ['ipfs/2019/Q2/2019-04-08--go-core-dev-team-weekly.md', 'go-core-dev-team-weekly'],
    ['/home/me/ipfs/2019/Q2/2019-04-08--go-core-dev-team-weekly.md', 'go-core-dev-team-weekly'],
    ['tc39/2015-07/july-29.md', 'tc39'],
    ['nodejs-tsc/2017-02-09.md', 'nodejs-tsc'],
    ['nodejs-tsc/io.js/2014-10-09.md', 'io.js'],
    ['minutes/20240715.md', 'minutes'],
    ['20240715.md', null],
  ])('%s -> %s', (path, series) => expect(seriesOfPath(path)).toBe(series));
});
