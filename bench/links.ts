/**
 * Linking of action items across meetings, against hand labels in test/fixtures/links/:
 * imports the labelled folders of ../shared/corpus/scs into a temporary database, then
 *  - links found: labelled links (mention -> original) where the importer put the mention
 *    in the item first raised at the labelled original, with the status the review reports;
 *  - wrong links: links the importer made from mentions in the labelled meetings whose item
 *    does not start at the labelled original (or that are labelled as new), over all such links.
 * A labelled link whose original line carries no action marker (AI, TODO, ACTION) is left
 * out and counted apart: a task first written as "@x to do y" is no action item by the
 * annotation rules, so there is nothing to link to.
 *   npm run bench:links [-- --diff]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPaths } from '../src/import/import-files.js';
import { openDatabase } from '../src/store/database.js';

interface Labels {
  folder: string;
  meetings: string[];
  mentions: { mention: string; original: string | null; status: string }[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus', 'scs');
const showDiff = process.argv.includes('--diff');
const labelDir = join(root, 'test', 'fixtures', 'links');
const labels = readdirSync(labelDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(labelDir, f), 'utf8')) as Labels);

const dir = mkdtempSync(join(tmpdir(), 'minutes-links-'));
const db = openDatabase(join(dir, 'links.db'));
const started = performance.now();
importPaths(
  db,
  labels.map((l) => join(corpus, l.folder)),
);
const importMs = performance.now() - started;

/** `folder/file.md:line` of a mention row. */
const mentionAt = db.prepare(
  `SELECT a.id, a.item_id AS itemId, a.status, t.first_mention_id AS firstId
   FROM action_items a JOIN meetings m ON m.id = a.meeting_id JOIN tracked_items t ON t.id = a.item_id
   WHERE m.source = ? AND a.line = ?`,
);
const firstOf = db.prepare(
  `SELECT m.source, a.line FROM tracked_items t JOIN action_items a ON a.id = t.first_mention_id JOIN meetings m ON m.id = a.meeting_id WHERE t.id = ?`,
);
const source = (ref: string) => join(corpus, ref.slice(0, ref.lastIndexOf(':')));
const line = (ref: string) => Number(ref.slice(ref.lastIndexOf(':') + 1));
const relative = (path: string) => path.slice(corpus.length + 1);

const MARKER = /(?<![A-Za-z])(?:AI|TODO|ToDo|To ?[Dd]o|ACTION|Action item)(?![A-Za-z])/;
const lineText = (ref: string) => readFileSync(source(ref), 'utf8').split('\n')[line(ref) - 1] ?? '';
let unmarked = 0;
let labelled = 0;
let found = 0;
let statusRight = 0;
let made = 0;
let wrong = 0;
const rows: string[] = [];
for (const set of labels) {
  let setLabelled = 0;
  let setFound = 0;
  let setMade = 0;
  let setWrong = 0;
  for (const m of set.mentions) {
    const row = mentionAt.get(source(m.mention), line(m.mention)) as
      { id: number; itemId: string; status: string; firstId: number } | undefined;
    const first = row ? (firstOf.get(row.itemId) as { source: string; line: number }) : null;
    const linkedTo = row && first && row.firstId !== row.id ? `${relative(first.source)}:${first.line}` : null;
    if (m.original && !MARKER.test(lineText(m.original))) {
      unmarked++;
      continue;
    }
    if (m.original) {
      setLabelled++;
      if (linkedTo === m.original) {
        setFound++;
        if (row!.status === m.status) statusRight++;
        else if (showDiff) console.log(`${m.mention}: status ${row!.status}, labelled ${m.status}`);
      } else if (showDiff)
        console.log(
          `${m.mention}: missed link to ${m.original}${linkedTo ? ` (linked to ${linkedTo})` : row ? '' : ' (not an action item here)'}`,
        );
    }
    if (linkedTo) {
      setMade++;
      if (linkedTo !== m.original) {
        setWrong++;
        if (showDiff && m.original === null) console.log(`${m.mention}: wrong link to ${linkedTo} (labelled new)`);
      }
    }
  }
  labelled += setLabelled;
  found += setFound;
  made += setMade;
  wrong += setWrong;
  rows.push(
    `${set.folder.padEnd(22)} ${String(set.meetings.length).padStart(8)} ${String(setLabelled).padStart(7)} ${String(setFound).padStart(6)} ${String(setMade).padStart(5)} ${String(setWrong).padStart(6)}`,
  );
}
db.close();
rmSync(dir, { recursive: true, force: true });

console.log(`${'folder'.padEnd(22)} meetings labeled  found  made  wrong`);
for (const r of rows) console.log(r);
const pct = (a: number, b: number) => (b === 0 ? 1 : a / b);
console.log(
  `links found ${found}/${labelled} (${(100 * pct(found, labelled)).toFixed(1)}%, target >= 90%), reviewed status right ${statusRight}/${found}, ` +
    `wrong links ${wrong}/${made} (${(100 * pct(wrong, made)).toFixed(1)}%, target <= 5%); ${unmarked} labelled links to unmarked originals left out; import of ${labels.map((l) => l.folder).join(', ')} took ${importMs.toFixed(0)} ms`,
);
console.log(
  JSON.stringify({
    links: {
      labelled,
      unmarked,
      found,
      recall: pct(found, labelled),
      statusRight,
      made,
      wrong,
      wrongRate: made === 0 ? 0 : wrong / made,
    },
  }),
);
