import { describe, expect, it } from 'vitest';
import { splitPresenters } from '../../src/parse/recognise/agenda.js';
import { dateFromFileName, dueDate, findDate } from '../../src/parse/recognise/dates.js';
import { participantFrom } from '../../src/parse/recognise/participants.js';
import { ftsQuery } from '../../src/store/fts-query.js';
import { parseText } from '../helpers.js';

describe('dates', () => {
  it.each([
    ['# 2024-07-15', '2024-07-15'],
    ['SCS Tech Weekly 2023-05-04', '2023-05-04'],
    ['Friday, Feb 5th, 2020', '2020-02-05'],
    ['5 February 2020', '2020-02-05'],
    ['Meeting 15.07.2024', '2024-07-15'],
    ['2024-02-30', null],
    ['Release R7 planning', null],
  ])('findDate(%j) = %j', (text, date) => expect(findDate(text)).toBe(date));

  it('takes a date from the file name or, failing that, its folder', () => {
    expect(dateFromFileName('product-board/20240715.md')).toBe('2024-07-15');
    expect(dateFromFileName('container/20231211-keycloak-kubernetes.md')).toBe('2023-12-11');
    expect(dateFromFileName('hackathons/2022-09-27-gx-hackathon-5/minutes.md')).toBe('2022-09-27');
    expect(dateFromFileName('notes/minutes.md')).toBeNull();
  });

  it('resolves weekdays to the next such day after the meeting', () => {
    expect(dueDate('by Friday', '2024-07-19')).toBe('2024-07-26'); // a Friday meeting: next week's Friday
    expect(dueDate('tomorrow', '2024-07-15')).toBe('2024-07-16');
    expect(dueDate('in two weeks', '2024-07-15')).toBeNull();
    expect(dueDate('see the minutes of 2024-05-02', '2024-07-15')).toBeNull();
  });
});

describe('participants', () => {
  it.each([
    ['@garloff', { id: 'garloff', name: null, handle: 'garloff' }],
    ['Kurt Garloff (@garloff)', { id: 'garloff', name: 'Kurt Garloff', handle: 'garloff' }],
    ['Kurt Garloff', { id: 'kurt garloff', name: 'Kurt Garloff', handle: null }],
    ['@fkr (guest)', { id: 'fkr', name: null, handle: 'fkr' }],
    ['@x (sick)', null],
    ['not: @garloff (traveling)', null],
    ['Minutes transfer: @gtema', null],
  ])('%j', (text, participant) => expect(participantFrom(text)).toEqual(participant));

  it('reads lists, comma lines and tables', () => {
    const record = parseText(
      [
        '# 2024-07-15',
        'Participants: @a, Bea Berg (@bea), Carl',
        '## Attendees',
        '| Name | Company |',
        '|------|---------|',
        '| Dora Lind | Example |',
        '## :family: Participants (github handles preferred)',
        '* @e',
        '* @f (partly)',
      ].join('\n'),
    );
    expect(record.participants.map((p) => p.id)).toEqual(['a', 'bea', 'carl', 'dora lind', 'e', 'f']);
  });
});

describe('agenda', () => {
  it.each([
    ['Release plan (@garloff, @bitkeks)', { title: 'Release plan', owners: ['garloff', 'bitkeks'] }],
    ['Status page - @fkr', { title: 'Status page', owners: ['fkr'] }],
    ['Keycloak (Kurt Garloff)', { title: 'Keycloak', owners: ['kurt garloff'] }],
    ['Review Kyoto (Edmonton sprint)', { title: 'Review Kyoto (Edmonton sprint)', owners: [] }],
  ])('%j', (text, expected) => expect(splitPresenters(text)).toEqual(expected));

  it('uses topic headings where there is no Agenda section, without housekeeping', () => {
    const record = parseText(
      [
        '# 2024-07-15',
        '## Participants',
        '- @a',
        '## Keycloak (@a)',
        'Status first.',
        '### Details',
        '## Next meeting',
        'soon',
      ].join('\n'),
    );
    expect(record.agenda).toEqual([
      { line: 4, title: 'Keycloak', owners: ['a'], depth: 1 },
      { line: 6, title: 'Details', owners: [], depth: 2 },
    ]);
  });

  it('takes the headings under a heading that only groups them, not the group', () => {
    const record = parseText(
      ['# 2024-07-15', '## Upcoming releases', '### 0.10.34', 'soon', '### 0.11.15', 'later'].join('\n'),
    );
    expect(record.agenda.map((a) => a.title)).toEqual(['0.10.34', '0.11.15']);
  });

  it('uses top-level bullets of an Agenda section without sub-headings', () => {
    const record = parseText(
      ['# 2024-07-15', '## Agenda', '- Keycloak', '  - AI @a: upgrade', '- Monitoring'].join('\n'),
    );
    expect(record.agenda.map((a) => a.title)).toEqual(['Keycloak', 'Monitoring']);
    expect(record.actionItems[0]?.agenda).toBe('Keycloak');
  });
});

describe('decisions', () => {
  const record = parseText(
    [
      '# 2024-07-15',
      '- Decision: use keycloak 25',
      '- We decided to drop v2 signatures',
      '- agreed to move the meeting',
      '- Decision:',
      '  - first',
      '  - second',
      '- to be decided next week',
      '- we need a decision record for this',
      '- Should we decide on the name?',
      '## Decisions',
      '- keep the status page separate',
    ].join('\n'),
  );
  it('finds stated decisions and the bullets of a bare label, not pending ones', () => {
    expect(record.decisions.map((d) => d.line)).toEqual([2, 3, 4, 6, 7, 12]);
  });
});

describe('FTS queries from user text', () => {
  it.each([
    ['keycloak', '"keycloak"*'],
    ['keycloak upgrade', '"keycloak" "upgrade"*'],
    ['"release notes" draft', '"release notes" "draft"*'],
    ['AND NEAR( "unbalanced', '"AND" "NEAR" "unbalanced"*'],
    ['scs-keycloak', '"scs keycloak"'],
    ['* - 😀', null],
    ["' OR 1=1 --", '"OR" "1 1"'],
  ])('%j -> %j', (input, query) => expect(ftsQuery(input)).toBe(query));
});
