import { describe, expect, it } from 'vitest';
import { readQuestion, readingText, withoutGuesses, type QuestionContext } from '../../src/search/question.js';
import { stem } from '../../src/search/porter.js';
import { readTime } from '../../src/search/time-words.js';

const people: Record<string, string> = {
  garloff: 'garloff',
  '@garloff': 'garloff',
  'kurt garloff': 'garloff',
  fkr: 'fkr',
};
const context = (today = '2024-01-15', explicit: QuestionContext['explicit'] = {}): QuestionContext => ({
  today,
  person: (name) => people[name] ?? null,
  explicit,
});
const read = (text: string, today?: string, explicit?: QuestionContext['explicit']) =>
  readQuestion(text, context(today, explicit));

describe('reading a question', () => {
  it('drops question words and filler, maps intent words to a kind and time words to dates', () => {
    const q = read('what did we decide about keycloak last spring?');
    expect(q).toMatchObject({ words: 'keycloak', type: 'decision', from: '2023-03-01', to: '2023-05-31' });
    expect(q.ignored).toEqual(expect.arrayContaining(['what', 'did', 'we', 'about']));
    expect(readingText(q, q.words)).toBe('decisions · about: keycloak · Mar 1 – May 31 2023');
  });

  it('reads owing and open items as open action items of a known person', () => {
    const q = read('what does garloff still owe us?');
    expect(q).toMatchObject({ words: '', type: 'action', status: 'open', owner: 'garloff' });
    expect(readingText(q, q.words)).toBe('open action items · owner: garloff');
    expect(read('open items of Kurt Garloff about vexxhost')).toMatchObject({
      owner: 'garloff',
      words: 'vexxhost',
      status: 'open',
    });
    expect(read('@garloff todo')).toMatchObject({ owner: 'garloff', type: 'action' });
  });

  it('reads a name as an owner only where action items are asked for', () => {
    const decided = read('what did garloff decide about zuul');
    expect(decided).toMatchObject({ type: 'decision', words: 'garloff zuul' });
    expect(decided.owner).toBeUndefined();
    expect(read('who connects Jan from Uhurutec?')).toMatchObject({ type: 'action', words: 'connects Jan Uhurutec?' });
  });

  it('gives each guess the question that undoes it: its words quoted, and quoted words are never read', () => {
    const q = read('what did we decide about keycloak last spring?');
    const time = q.parts.find((p) => p.kind === 'time')!;
    expect(time).toMatchObject({ from: 'last spring?', value: 'Mar 1 – May 31 2023' });
    const undone = read(time.undo);
    expect(undone.from).toBeUndefined();
    expect(undone.words).toBe('keycloak "last spring?"');
    expect(read('"decision" records').type).toBeUndefined();
  });

  it('guesses nothing that is given explicitly', () => {
    const given = read('what does garloff still owe', undefined, { owner: true, type: true });
    expect([given.owner, given.type, given.words]).toEqual([undefined, undefined, 'garloff owe']);
    expect(read('decisions in March 2024', undefined, { time: true }).from).toBeUndefined();
  });

  it('keeps a question of nothing but filler as its words', () => {
    expect(read('the who').words).toBe('the who');
    expect(read('').words).toBe('');
  });

  it('takes back kind and owner guesses, but not time words, when asked to', () => {
    const q = read('open items of fkr about vexxhost in 2023');
    const loose = withoutGuesses(q)!;
    expect([loose.type, loose.status, loose.owner, loose.words, loose.from]).toEqual([
      undefined,
      undefined,
      undefined,
      'vexxhost fkr',
      '2023-01-01',
    ]);
    expect(withoutGuesses(read('keycloak'))).toBeNull();
  });
});

describe('time words', () => {
  it.each([
    ['last spring', '2024-01-15', '2023-03-01', '2023-05-31'],
    ['this spring', '2025-06-15', '2025-03-01', '2025-05-31'],
    ['in March 2024', '2025-01-01', '2024-03-01', '2024-03-31'],
    ['since the summer', '2025-06-15', '2025-06-01', undefined],
    ['this year', '2025-06-15', '2025-01-01', '2025-12-31'],
    ['last quarter', '2025-06-15', '2025-01-01', '2025-03-31'],
    ['Q3 2019', '2025-06-15', '2019-07-01', '2019-09-30'],
    ['before 2020', '2025-06-15', undefined, '2019-12-31'],
    ['in 2015', '2025-06-15', '2015-01-01', '2015-12-31'],
    ['last winter', '2025-06-15', '2024-12-01', '2025-02-28'],
    ['in the spring of 2023', '2025-06-15', '2023-03-01', '2023-05-31'],
    ['during the summer', '2025-06-15', '2025-06-01', '2025-08-31'],
    ['last week', '2025-06-15', '2025-06-02', '2025-06-08'],
  ])('%j on %s is %s to %s', (text, today, from, to) => {
    expect(readTime(text, today)).toMatchObject({ from, to });
  });

  it('reads no time in words that only look like it', () => {
    for (const text of [
      'what may happen',
      'scs-0102 release 0.35',
      'issue #2019',
      'the fall of the status page',
      'spring boot',
    ]) {
      expect(readTime(text, '2025-01-01'), text).toBeNull();
    }
    expect(readTime('"last spring"', '2025-01-01')).toBeNull();
  });
});

describe('stems', () => {
  it('are those of the porter tokenizer', () => {
    expect(['keycloaks', 'deciding', 'decided', 'policies', 'monitoring'].map(stem)).toEqual([
      'keycloak',
      'decid',
      'decid',
      'polici',
      'monitor',
    ]);
  });
});
