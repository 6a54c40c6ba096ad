/**
 * Speed on the shared corpus (issue: search that beats grep). First part of the suite:
 *  1. parse + extract against a bare unified + remark-parse + remark-gfm parse of the same files;
 *  2. cold import of the corpus, and its ratio to the bare parse;
 *  3. re-import of the unchanged corpus against the cold import;
 *  4. in-process search over 1,000 queries drawn from corpus words (with and without filters):
 *     p50 / p99, against a bare FTS5 `MATCH ... ORDER BY rank LIMIT 20` of the same words.
 * Prints a table and one JSON line. Not yet here: the 10x and 100x corpora, worker threads, HTTP.
 *   npm run bench
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { findMarkdownFiles } from '../src/import/find-files.js';
import { importPaths } from '../src/import/import-files.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { openDatabase } from '../src/store/database.js';
import { ftsQuery } from '../src/store/fts-query.js';
import { search } from '../src/store/search.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus', 'scs');
const files = findMarkdownFiles([corpus]).map((f) => ({ source: f.source, text: readFileSync(f.source, 'utf8') }));
const megabytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6;

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The best of three runs: the machine is noisy, the fastest run is the least disturbed. */
const best = (run: () => void) => Math.min(time(run), time(run), time(run));

const bare = unified().use(remarkParse).use(remarkGfm).freeze();
const bareMs = best(() => files.forEach((f) => bare.parse(f.text)));
const extractMs = best(() => files.forEach((f) => parseMeeting(f.text, f.source)));

const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-'));
const db = openDatabase(join(dir, 'bench.db'));
const coldMs = time(() => importPaths(db, [corpus]));
const reimportMs = time(() => importPaths(db, [corpus]));

// 1,000 queries: corpus words, alone, in pairs, and with filters.
const words = [...new Set(files.flatMap((f) => f.text.toLowerCase().match(/\b[a-z][a-z0-9-]{3,14}\b/g) ?? []))].sort();
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = () => words[Math.floor(random() * words.length)]!;
const series = ['iaas', 'sig-standardization', 'container', 'product-board'];
const queries = Array.from({ length: 1000 }, (_, i) =>
  i % 4 === 0 ? `${pick()} ${pick()}` : i % 4 === 1 ? `${pick()} series:${series[i % series.length]}` : i % 4 === 2 ? `type:action ${pick()}` : pick(),
);
const bareFts = db.prepare('SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank LIMIT 20');
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const oursMs = queries.map((q) => time(() => search(db, { q, limit: 20 })));
const bareMsPerQuery = queries.map((q) => {
  const match = ftsQuery(q.replace(/\b\w+:\S+/g, '')) ?? '""';
  return time(() => bareFts.all(match));
});
db.close();
rmSync(dir, { recursive: true, force: true });

const mbps = (ms: number) => megabytes / (ms / 1000);
const result = {
  corpus: { files: files.length, megabytes: Number(megabytes.toFixed(2)) },
  parse: { bareMBps: mbps(bareMs), extractMBps: mbps(extractMs), ratio: bareMs / extractMs },
  import: { coldMs, filesPerSecond: files.length / (coldMs / 1000), ratioToBareParse: coldMs / bareMs, reimportMs, reimportRatio: reimportMs / coldMs },
  search: {
    queries: queries.length,
    p50ms: percentile(oursMs, 0.5),
    p99ms: percentile(oursMs, 0.99),
    bareP50ms: percentile(bareMsPerQuery, 0.5),
    bareP99ms: percentile(bareMsPerQuery, 0.99),
    ratio: oursMs.reduce((a, b) => a + b, 0) / bareMsPerQuery.reduce((a, b) => a + b, 0),
  },
};
const f = (x: number, d = 2) => x.toFixed(d);
console.log(`corpus: ${files.length} files, ${f(megabytes)} MB`);
console.log(`parse          bare ${f(result.parse.bareMBps)} MB/s, parse + extract ${f(result.parse.extractMBps)} MB/s, ratio ${f(result.parse.ratio)} (target >= 0.8)`);
console.log(`cold import    ${f(coldMs / 1000)} s, ${f(result.import.filesPerSecond, 0)} files/s, ${f(result.import.ratioToBareParse)} x the bare parse (target <= 1.0 on 2 cores)`);
console.log(`re-import      ${f(reimportMs)} ms, ${f(100 * result.import.reimportRatio, 1)}% of the cold import (target <= 5%)`);
console.log(`search         p50 ${f(result.search.p50ms, 3)} ms, p99 ${f(result.search.p99ms, 3)} ms; bare FTS5 p50 ${f(result.search.bareP50ms, 3)} ms, p99 ${f(result.search.bareP99ms, 3)} ms; ratio ${f(result.search.ratio)} (target <= 1.5)`);
console.log(JSON.stringify({ bench: result }));
