import { describe, expect, it } from 'vitest';
import { markedOwners } from '../../src/parse/recognise/action-items.js';
import { parseText } from '../helpers.js';

describe('action markers and their owners', () => {
  it.each([
    ['AI @garloff: invite the CaaS team', ['garloff']],
    ['AI @a, @b: review the draft', ['a', 'b']],
    ['AI @a and @B: review', ['a', 'b']],
    ['AI: @fkr to write the blog post', ['fkr']],
    ['AI Itrich: check the licence', ['itrich']],
    ['AI (@x): talk to upstream', ['x']],
    ['Needs testing in CSO (AI: Need test plan - B1, dNation)', ['b1', 'dnation']],
    ['Ask the product owners (AI: POs)', ['pos']],
    ['will open a new issue (AI @garloff)', ['garloff']],
    ['TODO: Document deployment', []],
    ['TODO @bob: fix the link', ['bob']],
    ['ACTION: Martin to drop the old branch', ['martin']],
    ['AI @all: read the proposal', ['all']],
    ['AI @x: do it with support from @y', ['x']],
    ['Participant list stable (-> AI @garloff mail)', ['garloff']],
    ['AI: need test plan - Team Storage', ['team storage']],
    ['AI reminder mail next week', []],
  ])('%s -> %j', (text, owners) => {
    expect(markedOwners(text)).toEqual(owners);
  });

  it.each([
    "AI's will follow",
    'Check AIs from last time',
    'ping @artificial-intelligence about it',
    'AI act compliance is a topic for the board',
    'the TODO list is long',
    'a generic thing that needs to be done',
    'AI for this week:',
  ])('no marker in %j', (text) => {
    expect(markedOwners(text)).toBeNull();
  });
});

describe('status, carried and due dates in context', () => {
  const record = parseText(
    [
      '# 2024-07-15', // Monday
      '## Check AIs from last time',
      '- _AI @mbuechse: fix obvious mistakes_',
      '    - DONE',
      '- AI @a: old task',
      '    - still open',
      '- AI @b: obsolete task',
      '    - obsolete, superseded by the new plan',
      '## Topic',
      '- ~~AI @c: struck through~~',
      '- AI @d: publish notes by Friday',
      '- AI @e: ship until 2024-08-01',
      '- AI @f: finish end of July',
      '- AI @g: sometime next week',
      '- AI @h: merge the PR -> done',
      '## Action items',
      '- [x] @i update the docs',
      '- [ ] Martin to drop the old job',
    ].join('\n'),
  );
  const byOwner = (owner: string) => record.actionItems.find((a) => a.owners.includes(owner));

  it('reads status from child bullets, strikethrough, boxes and the text', () => {
    expect(byOwner('mbuechse')).toMatchObject({
      status: 'done',
      carried: true,
      line: 3,
      text: 'AI @mbuechse: fix obvious mistakes',
    });
    expect(byOwner('a')).toMatchObject({ status: 'open', carried: true });
    expect(byOwner('b')).toMatchObject({ status: 'dropped', carried: true });
    expect(byOwner('c')).toMatchObject({ status: 'done', carried: false });
    expect(byOwner('h')).toMatchObject({ status: 'done' });
    expect(byOwner('i')).toMatchObject({ status: 'done', line: 17 });
    expect(byOwner('martin')).toMatchObject({ status: 'open', line: 18 });
  });

  it('resolves due dates against the meeting date, and only determinable ones', () => {
    expect(byOwner('d')?.due).toBe('2024-07-19');
    expect(byOwner('e')?.due).toBe('2024-08-01');
    expect(byOwner('f')?.due).toBe('2024-07-31');
    expect(byOwner('g')?.due).toBeNull();
  });

  it('does not take status bullets for action items', () => {
    expect(record.actionItems.map((a) => a.line)).toEqual([3, 5, 7, 10, 11, 12, 13, 14, 15, 17, 18]);
  });
});

describe('owner lists that could make a regex backtrack', () => {
  it('reads 60 trailing handles at once (a backtracking pattern would never finish)', () => {
    const handles = Array.from({ length: 60 }, (_, i) => `@u${i}`);
    expect(markedOwners(`TODO: ping ${handles.join(' ')} x.`)).toEqual([]);
    expect(markedOwners(`TODO: ping ${handles.join(', ')}`)).toEqual(handles.map((h) => h.slice(1)));
  });
});

describe('action items in headings', () => {
  it('counts a heading with a marker, not a heading that names a section', () => {
    const record = parseText(
      [
        '# 2025-03-10',
        '## Action items',
        '- @a: check the cert',
        '#### keycloak has no trusted cert (AI @garloff)',
        'text',
      ].join('\n'),
    );
    expect(record.actionItems.map((a) => [a.line, a.owners])).toEqual([
      [3, ['a']],
      [4, ['garloff']],
    ]);
  });
});
