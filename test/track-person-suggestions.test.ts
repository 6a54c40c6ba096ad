import { describe, expect, it } from 'vitest';
import { editDistance, suggestMerges, type Appearance } from '../src/track/person-suggestions.js';

const participant = (
  meeting: number,
  series: string,
  id: string,
  name: string | null = null,
  handle: string | null = id,
): Appearance => ({ meeting, series, id, name, handle });
const owner = (meeting: number, series: string, id: string): Appearance => ({
  meeting,
  series,
  id,
  name: null,
  handle: null,
});

describe('suggested merges of people', () => {
  it('measures how many letters two handles differ by, stopping early', () => {
    expect(editDistance('berendt', 'berendet', 2)).toBe(1);
    expect(editDistance('jschoone', 'janschoone', 2)).toBe(2);
    expect(editDistance('garloff', 'kurt', 2)).toBe(3);
  });

  it('suggests handles a letter or two apart that share a series and never attend one meeting together', () => {
    const seen = [
      participant(1, 'ops', 'berendt'),
      participant(2, 'ops', 'berendt'),
      owner(2, 'ops', 'berendet'),
      participant(3, 'ops', 'jschoone'),
      owner(4, 'ops', 'janschoone'),
    ];
    const suggestions = suggestMerges(seen);
    expect(suggestions.map((s) => [s.alias, s.person, s.rule])).toEqual([
      ['berendet', 'berendt', 'near handles'],
      ['janschoone', 'jschoone', 'near handles'],
    ]);
    expect(suggestions[0]!.evidence.join(' ')).toMatch(/differ by 1 letter.*both in ops/);
    // Two people who attend the same meeting are two people; handles of different teams are left alone.
    expect(suggestMerges([participant(1, 'ops', 'mbuechse'), participant(1, 'ops', 'mbuechsel')])).toEqual([]);
    expect(suggestMerges([participant(1, 'ops', 'mbuechse'), participant(2, 'iaas', 'mbuechsel')])).toEqual([]);
  });

  it('suggests a full name whose surname is a handle of the series, and one name given for two handles', () => {
    const seen = [
      participant(1, 'iaas', 'berendt'),
      participant(2, 'iaas', 'christian berendt', 'Christian Berendt', null),
    ];
    expect(suggestMerges(seen)).toMatchObject([{ alias: 'christian berendt', person: 'berendt', rule: 'same name' }]);
    const twice = [
      participant(1, 'tsc', 'renrutnnej', 'Jenn Turner'),
      participant(2, 'tsc', 'renrutnnej', 'Jenn Turner'),
      participant(3, 'tsc', 'jennwrites', 'Jenn Turner'),
    ];
    expect(suggestMerges(twice)).toMatchObject([{ alias: 'jennwrites', person: 'renrutnnej', rule: 'same name' }]);
  });

  it('suggests a first name only where exactly one participant of the series has it', () => {
    const seen = [
      participant(1, 'io.js', 'rvagg', 'Rod Vagg'),
      owner(2, 'io.js', 'rod'),
      participant(1, 'io.js', 'bnoordhuis', 'Ben Noordhuis'),
      participant(1, 'io.js', 'bnorris', 'Ben Norris'),
      owner(2, 'io.js', 'ben'),
    ];
    expect(suggestMerges(seen).map((s) => [s.alias, s.person, s.rule])).toEqual([['rod', 'rvagg', 'first name']]);
  });
});
