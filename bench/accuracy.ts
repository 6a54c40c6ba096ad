/**
 * Extraction accuracy on the labelled development set (test/fixtures/gold/): precision / recall / F1
 * and agreement rates per community, for the files tuned on ("dev") and the files set aside before
 * tuning ("set aside", test/fixtures/gold-set-aside.json), then overall, then one JSON line.
 *   npm run bench:accuracy            # the table and the JSON summary
 *   npm run bench:accuracy -- --diff  # also every disagreement of the dev files, file:line
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFailed } from '../src/parse/meeting-record.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { loadGold } from './accuracy/gold.js';
import { emptyScores, scoreFile, summary, targetsFor, type Scores } from './accuracy/score.js';
import { disagreements } from './accuracy/diff.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const showDiff = process.argv.includes('--diff');
const { files, missing } = loadGold(root);
if (missing.length > 0) console.log(`skipped ${missing.length} labels whose minutes are absent (is ../shared there?)`);

const rows = new Map<string, Scores>();
const into = (name: string) => rows.get(name) ?? rows.set(name, emptyScores()).get(name)!;
for (const { gold, path, folder, setAside } of files) {
  const result = parseMeeting(readFileSync(path, 'utf8'), gold.source);
  if (isFailed(result)) throw new Error(`${gold.source}: ${result.error}`);
  const split = setAside ? 'set aside' : 'dev';
  for (const name of [`${folder} ${split}`, `${folder} all`, `ALL ${split}`, 'ALL all'])
    scoreFile(result, gold, into(name));
  // The set-aside files are looked at only as figures: never as disagreements.
  if (showDiff && !setAside) for (const line of disagreements(result, gold)) console.log(line);
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
const row = (name: string, s: Scores) => {
  const m = summary(s);
  const met = Object.values(targetsFor(name.split(' ')[0]!, m)).every(Boolean) ? '  yes' : '   no';
  return [
    name.padEnd(20),
    String(m.files).padStart(5),
    pct(m.actionItems.precision),
    pct(m.actionItems.recall),
    pct(m.actionItems.f1),
    pct(m.owners),
    pct(m.status),
    pct(m.carried),
    pct(m.due),
    pct(m.decisions.precision),
    pct(m.decisions.recall),
    pct(m.decisions.f1),
    pct(m.agenda.precision),
    pct(m.agenda.recall),
    pct(m.agenda.f1),
    pct(m.participants.precision),
    pct(m.participants.recall),
    pct(m.participants.f1),
    pct(m.date),
    met,
  ].join(' ');
};
const head = [
  '  AI P',
  '  AI R',
  ' AI F1',
  'owners',
  'status',
  'carrd',
  '   due',
  ' dec P',
  ' dec R',
  'dec F1',
  '  ag P',
  '  ag R',
  ' ag F1',
  ' par P',
  ' par R',
  'par F1',
  '  date',
  'targets',
];
console.log(['community / split'.padEnd(20), 'files', ...head].join(' '));
const order = (name: string) => (name.startsWith('ALL') ? 'zz' : name);
for (const [name, s] of [...rows].sort(([a], [b]) => order(a).localeCompare(order(b)))) console.log(row(name, s));
const overall = rows.get('ALL all') ?? emptyScores();
console.log(
  `items: ${overall.actionItems.tp + overall.actionItems.fn} action items, ${overall.decisions.tp + overall.decisions.fn} decisions, ${overall.agenda.tp + overall.agenda.fn} agenda items, ${overall.participants.tp + overall.participants.fn} participants labelled`,
);
const json = Object.fromEntries([...rows].map(([name, s]) => [name, summary(s)]));
console.log(JSON.stringify({ accuracy: json, skipped: missing.length }));
