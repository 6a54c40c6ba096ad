/**
 * Extraction accuracy on the labelled development set (test/fixtures/gold/):
 * precision / recall / F1 and agreement rates, overall and per folder, then one JSON line.
 *   npm run bench:accuracy            # the table and the JSON summary
 *   npm run bench:accuracy -- --diff  # also every disagreement, file:line
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFailed } from '../src/parse/meeting-record.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { loadGold } from './accuracy/gold.js';
import { emptyScores, scoreFile, summary, targetsMet, type Scores } from './accuracy/score.js';
import { disagreements } from './accuracy/diff.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const showDiff = process.argv.includes('--diff');
const { files, missing } = loadGold(root);
if (missing.length > 0) console.log(`skipped ${missing.length} labels whose minutes are absent (is ../shared there?)`);

const overall = emptyScores();
const byFolder = new Map<string, Scores>();
for (const { gold, path, folder } of files) {
  const result = parseMeeting(readFileSync(path, 'utf8'), gold.source);
  if (isFailed(result)) throw new Error(`${gold.source}: ${result.error}`);
  if (!byFolder.has(folder)) byFolder.set(folder, emptyScores());
  scoreFile(result, gold, overall);
  scoreFile(result, gold, byFolder.get(folder)!);
  if (showDiff) for (const line of disagreements(result, gold)) console.log(line);
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
const row = (name: string, s: Scores) => {
  const m = summary(s);
  return [
    name.padEnd(28),
    String(m.files).padStart(5),
    pct(m.actionItems.precision), pct(m.actionItems.recall), pct(m.actionItems.f1),
    pct(m.owners), pct(m.status), pct(m.carried), pct(m.due),
    pct(m.decisions.precision), pct(m.decisions.recall), pct(m.decisions.f1),
    pct(m.agenda.precision), pct(m.agenda.recall), pct(m.agenda.f1),
    pct(m.participants.precision), pct(m.participants.recall), pct(m.participants.f1), pct(m.date),
  ].join(' ');
};
const head = ['  AI P', '  AI R', ' AI F1', 'owners', 'status', 'carrd', '   due', ' dec P', ' dec R', 'dec F1', '  ag P', '  ag R', ' ag F1', ' par P', ' par R', 'par F1', '  date'];
console.log(['folder'.padEnd(28), 'files', ...head].join(' '));
for (const [folder, s] of [...byFolder].sort()) console.log(row(folder, s));
console.log(row('ALL', overall));
const result = summary(overall);
console.log(`items: ${overall.actionItems.tp + overall.actionItems.fn} action items, ${overall.decisions.tp + overall.decisions.fn} decisions, ${overall.agenda.tp + overall.agenda.fn} agenda items, ${overall.participants.tp + overall.participants.fn} participants labelled`);
console.log(JSON.stringify({ accuracy: result, targetsMet: targetsMet(result), skipped: missing.length }));
