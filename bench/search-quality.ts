/**
 * Search relevance on the shared corpus (issue #15): the questions of test/fixtures/questions/,
 * each with the lines that answer it, written from the minutes before search was tuned. Each
 * question goes through
 *   plain:    every word must match, the last as a prefix (the query search made before #15), bm25;
 *   any word: the same words, any of them, bm25 (what the issue measured as a baseline);
 *   search:   `search()` as the CLI, the API and the page call it, with the question's `today`;
 * and is scored by recall@10 (the share of its answers in the first ten hits, out of at most ten)
 * and reciprocal rank (1 / the rank of the first answer; 0 beyond 10). A hit answers `path:line`
 * when it is the decision or action item of that line, and `path` when it is of that meeting.
 * The corpus is imported once into a database under the system's temporary folder and reused;
 * `--fresh` imports it again (after a parser change). `--show` lists each question's hits.
 *   npm run bench:search-quality
 *   npm run bench:search-quality -- --show --only 'keycloak'
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { importPathsInParallel } from '../src/import/import-files.js';
import { openDatabase, type DB } from '../src/store/database.js';
import { ftsQuery } from '../src/store/fts-query.js';
import { search } from '../src/store/search.js';
import { ROOT, SHARED, fixed } from './common.js';

interface Question {
  q: string;
  kind: 'decision' | 'action' | 'meeting';
  style: string;
  today: string;
  answers: string[];
}

interface Hit {
  source: string;
  line: number | null;
}

type Engine = (db: DB, question: Question) => Hit[];

const TOP = 10;
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const show = process.argv.includes('--show');
const only = arg('--only');

/** A source as stored, as a path relative to the corpus root (the fixture's form). */
function corpusPath(source: string): string {
  return relative(SHARED, isAbsolute(source) ? source : resolve(ROOT, source));
}

/** Search documents as hits, in the order given. */
function hitsOf(db: DB, rowids: number[]): Hit[] {
  const row = db.prepare(
    `SELECT m.source, coalesce(x.line, a.line) AS line FROM search_docs d JOIN meetings m ON m.id = d.meeting_id
     LEFT JOIN decisions x ON d.kind = 'decision' AND x.id = d.ref_id LEFT JOIN action_items a ON d.kind = 'action' AND a.id = d.ref_id
     WHERE d.id = ?`,
  );
  return rowids.map((id) => row.get(id) as Hit);
}

/** bm25 over the same columns and weights as search, for an FTS5 expression. */
function bm25(db: DB, match: string | null): number[] {
  if (!match) return [];
  return db
    .prepare(`SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search) LIMIT ${TOP}`)
    .pluck()
    .all(match) as number[];
}

const plain: Engine = (db, { q }) => hitsOf(db, bm25(db, ftsQuery(q)));

const anyWord: Engine = (db, { q }) => {
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [])];
  return hitsOf(db, bm25(db, words.length ? words.map((w) => `"${w}"`).join(' OR ') : null));
};

const ours: Engine = (db, { q, today }) =>
  search(db, { q, today, limit: TOP }).items.map((h) => ({ source: h.source, line: h.line }));

function answers(question: Question, hit: Hit): string | undefined {
  const path = corpusPath(hit.source);
  return question.answers.find((a) => a === `${path}:${hit.line}` || a === path);
}

interface Score {
  recall: number;
  rr: number;
}

function score(question: Question, hits: Hit[]): Score {
  const found = new Set<string>();
  let rr = 0;
  hits.slice(0, TOP).forEach((hit, i) => {
    const answer = answers(question, hit);
    if (answer === undefined) return;
    if (rr === 0) rr = 1 / (i + 1);
    found.add(answer);
  });
  return { recall: found.size / Math.min(question.answers.length, TOP), rr };
}

async function corpusDb(): Promise<DB> {
  const dir = join(tmpdir(), 'minutes-kb-search-quality');
  const file = join(dir, 'corpus.db');
  if (process.argv.includes('--fresh')) rmSync(dir, { recursive: true, force: true });
  const fresh = !existsSync(file);
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(file);
  if (fresh) {
    process.stderr.write(`importing ${SHARED} into ${file} (once; --fresh imports again)\n`);
    await importPathsInParallel(db, [SHARED], { workers: 2 });
  }
  return db;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

async function main(): Promise<void> {
  if (!existsSync(SHARED)) {
    console.log(`skipped: ${SHARED} is absent (the shared corpus lives beside the project as ../shared)`);
    return;
  }
  const fixture = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/questions/questions.json'), 'utf8')) as {
    questions: Question[];
  };
  const questions = fixture.questions.filter((q) => !only || q.q.includes(only));
  const db = await corpusDb();
  const engines: [string, Engine][] = [
    ['plain', plain],
    ['any word', anyWord],
    ['search', ours],
  ];
  const scores = engines.map(([, engine]) => questions.map((q) => score(q, engine(db, q))));
  if (show) {
    questions.forEach((q, i) => {
      const s = scores.map((e) => e[i]!);
      console.log(
        `${q.q}  [${q.kind}, today ${q.today}]  ${s.map((x) => `${fixed(x.recall)}/${fixed(x.rr)}`).join('  ')}`,
      );
      const reading = search(db, { q: q.q, today: q.today, limit: TOP });
      console.log(`    reading: ${reading.query.reading.text}`);
      for (const hit of reading.items)
        console.log(
          `    ${answers(q, hit) ? '✓' : ' '} ${corpusPath(hit.source)}:${hit.line ?? ''}  ${hit.snippet.slice(0, 90)}`,
        );
    });
  }
  db.close();
  const groups: [string, (q: Question) => boolean][] = [
    ['all', () => true],
    ['decisions', (q) => q.kind === 'decision'],
    ['action items', (q) => q.kind === 'action'],
    ['meetings', (q) => q.kind === 'meeting'],
    ['full questions', (q) => q.style.includes('question')],
    ['keywords', (q) => q.style.includes('keywords')],
    ['time words', (q) => q.style.includes('time')],
    ['people', (q) => q.style.includes('person')],
    ['misspellings', (q) => q.style.includes('misspelling')],
  ];
  const header = `| questions | n | ${engines.map(([name]) => `${name} recall@10 | ${name} MRR | ${name} answered`).join(' | ')} |`;
  console.log(header);
  console.log(header.replace(/[^|]+/g, '---'));
  const figures: Record<string, Record<string, { recall: number; mrr: number; answered: number }>> = {};
  for (const [name, keep] of groups) {
    const picked = questions.map((q, i) => (keep(q) ? i : -1)).filter((i) => i >= 0);
    if (picked.length === 0) continue;
    const cells = engines.map(([engine], e) => {
      const recall = mean(picked.map((i) => scores[e]![i]!.recall));
      const mrr = mean(picked.map((i) => scores[e]![i]!.rr));
      const answered = picked.filter((i) => scores[e]![i]!.rr > 0).length;
      (figures[name] ??= {})[engine] = { recall, mrr, answered };
      return `${fixed(recall)} | ${fixed(mrr)} | ${answered}`;
    });
    console.log(`| ${name} | ${picked.length} | ${cells.join(' | ')} |`);
  }
  console.log(JSON.stringify(figures));
}

await main();
