import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../bench/accuracy/gold.js';
import { emptyScores, scoreFile, summary, targetsMet } from '../bench/accuracy/score.js';
import { isFailed } from '../src/parse/meeting-record.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { HAS_CORPUS, ROOT } from './helpers.js';

// The accuracy on the hand-labelled development set (`npm run bench:accuracy` prints every figure).
// Only the files tuned on ("dev") are asserted; the set-aside files are looked at only as figures.
const { files } = loadGold(ROOT);
const dev = files.filter((f) => !f.setAside);

function score(selection: typeof files) {
  const scores = emptyScores();
  for (const { gold, path } of selection) {
    const record = parseMeeting(readFileSync(path, 'utf8'), gold.source);
    if (isFailed(record)) throw new Error(`${gold.source}: ${record.error}`);
    scoreFile(record, gold, scores);
  }
  return summary(scores);
}

/**
 * Floors under each community's dev figures, a little below what the parser reaches, so that a change
 * that helps one community and hurts another fails here. Raise them as the parser improves; the
 * issue's targets (bench/accuracy/score.ts) are higher where they are not yet met.
 */
const FLOORS: Record<
  string,
  { actionItemsF1: number; owners: number; decisionsF1: number; agendaF1: number; participantsF1: number; date: number }
> = {
  scs: { actionItemsF1: 0.95, owners: 0.95, decisionsF1: 0.7, agendaF1: 0.88, participantsF1: 0.97, date: 1 },
  'nodejs-tsc': { actionItemsF1: 0.75, owners: 0.7, decisionsF1: 0.75, agendaF1: 0.95, participantsF1: 0.97, date: 1 },
  tc39: { actionItemsF1: 0.95, owners: 0.95, decisionsF1: 0.8, agendaF1: 0.94, participantsF1: 0.93, date: 1 },
  ipfs: { actionItemsF1: 0.85, owners: 0.95, decisionsF1: 0.35, agendaF1: 0.8, participantsF1: 0.95, date: 1 },
};

describe('extraction accuracy', () => {
  it('has labels of at least 12 minutes in other styles', () => {
    expect(files.filter((f) => f.folder === 'styles').length).toBeGreaterThanOrEqual(12);
  });

  it.skipIf(!HAS_CORPUS)('labels at least 110 real minutes, 15 of each community, 5 of each set aside', () => {
    const real = files.filter((f) => f.folder !== 'styles');
    expect(real.length).toBeGreaterThanOrEqual(110);
    for (const community of Object.keys(FLOORS)) {
      expect(real.filter((f) => f.folder === community).length, community).toBeGreaterThanOrEqual(15);
      expect(real.filter((f) => f.folder === community && f.setAside).length, community).toBe(5);
    }
  });

  it.skipIf(!HAS_CORPUS)('meets every target of the issue on all dev files pooled', () => {
    const result = score(dev);
    expect(targetsMet(result), JSON.stringify(result)).toEqual({
      actionItemsF1: true,
      owners: true,
      decisionsF1: true,
      agendaF1: true,
      participantsF1: true,
      date: true,
    });
  });

  it.skipIf(!HAS_CORPUS).each(Object.keys(FLOORS))('keeps the figures of %s above their floors', (community) => {
    const result = score(dev.filter((f) => f.folder === community));
    const floor = FLOORS[community]!;
    const figures = {
      actionItemsF1: result.actionItems.f1,
      owners: result.owners,
      decisionsF1: result.decisions.f1,
      agendaF1: result.agenda.f1,
      participantsF1: result.participants.f1,
      date: result.date,
    };
    for (const [field, value] of Object.entries(figures))
      expect(value, field).toBeGreaterThanOrEqual(floor[field as keyof typeof floor]);
  });

  it('meets every target on the minutes in other styles alone', () => {
    const result = score(files.filter((f) => f.folder === 'styles'));
    expect(Object.values(targetsMet(result)).every(Boolean), JSON.stringify(result)).toBe(true);
  });
});
