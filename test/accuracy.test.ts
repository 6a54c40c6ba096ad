import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../bench/accuracy/gold.js';
import { emptyScores, scoreFile, summary, targetsMet } from '../bench/accuracy/score.js';
import { isFailed } from '../src/parse/meeting-record.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { HAS_CORPUS, ROOT } from './helpers.js';

// The accuracy targets on the hand-labelled development set (`npm run bench:accuracy` prints the figures).
const { files } = loadGold(ROOT);

function score(selection: typeof files) {
  const scores = emptyScores();
  for (const { gold, path } of selection) {
    const record = parseMeeting(readFileSync(path, 'utf8'), gold.source);
    if (isFailed(record)) throw new Error(`${gold.source}: ${record.error}`);
    scoreFile(record, gold, scores);
  }
  return summary(scores);
}

describe('extraction accuracy', () => {
  it('has labels of at least 12 minutes in other styles', () => {
    expect(files.filter((f) => f.folder === 'styles').length).toBeGreaterThanOrEqual(12);
  });

  it.skipIf(!HAS_CORPUS)('labels at least 50 real minutes from every folder of the corpus', () => {
    const scs = files.filter((f) => f.folder !== 'styles');
    expect(scs.length).toBeGreaterThanOrEqual(50);
    expect(new Set(scs.map((f) => f.folder)).size).toBeGreaterThanOrEqual(20);
  });

  it.skipIf(!HAS_CORPUS)('meets every target on the whole development set', () => {
    const result = score(files);
    expect(targetsMet(result), JSON.stringify(result)).toEqual({
      actionItemsF1: true,
      owners: true,
      status: true,
      decisionsF1: true,
      agendaF1: true,
      participantsF1: true,
      date: true,
    });
  });

  it('meets every target on the minutes in other styles alone', () => {
    const result = score(files.filter((f) => f.folder === 'styles'));
    expect(Object.values(targetsMet(result)).every(Boolean), JSON.stringify(result)).toBe(true);
  });
});
