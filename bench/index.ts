/**
 * Speed on the shared corpus (issue #5: search that beats grep), in one run:
 *  1. parse + extract against a bare unified + remark-parse + remark-gfm parse (bench/parse.ts);
 *  2. cold import of the corpus and of a 10x corpus made from it, against parsing alone, with
 *     peak memory, each in a new process (bench/import.ts); at 1x the median of three of each;
 *  3. re-import of the unchanged corpus against the cold import;
 *  4. 1,000 in-process searches from corpus words (with and without filters) at 1x and at 100x,
 *     against a bare FTS5 `MATCH ... ORDER BY rank LIMIT 20` (bench/search.ts);
 *  5. the HTTP API under autocannon against the in-process rate of the same queries, with one
 *     server process and with two (`minutes serve --workers 2`) (bench/http.ts);
 *  6. `minutes search WORD` in a new process, against Node's own start and grep (bench/cli.ts);
 *  7. the inputs that once made the parser super-linear, doubled from 50 KB to 1.6 MB (bench/adversarial.ts);
 *  8. first meaningful paint of the web page's overview in headless Chromium, on all four communities (bench/web.ts).
 * Parts 1 and 8 use all four communities of ../shared/corpus; the others use scs, the project's own example.
 * Prints a table and one JSON line. Synthetic corpora and databases go to a temporary folder,
 * removed at the end. Children run the built code: `npm run bench` builds first.
 *   npm run bench                               # everything, ~20 minutes on this machine
 *   npm run bench -- --only search,http         # parts: parse, import, 10x, search, 100x, http, cli, adversarial, web
 *   npm run bench -- --seconds 5                # HTTP load per phase (default 10)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMarkdownFiles } from '../src/import/find-files.js';
import { DEFAULT_WORKERS } from '../src/cli/commands/import.js';
import { benchCli, type CliFigures } from './cli.js';
import { CORPUS, SHARED, corpusQueries, fixed } from './common.js';
import { benchHttp, type HttpFigures } from './http.js';
import { importRun, makeCopies, parseOnly, type ImportRun, type Run } from './import.js';
import { benchParse, type ParseFigures } from './parse.js';
import { benchAdversarial, printAdversarial, type AdversarialFigures } from './adversarial.js';
import { benchSearch, buildCopies, type SearchFigures } from './search.js';
import { benchOverviewPaint, type WebFigures } from './web.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const only = arg('--only')?.split(',');
const wanted = (part: string) => !only || only.includes(part);
const seconds = Number(arg('--seconds')) || 10;

const files = findMarkdownFiles([CORPUS]).map((f) => ({ source: f.source, text: readFileSync(f.source, 'utf8') }));
const allFiles = wanted('parse')
  ? findMarkdownFiles([SHARED]).map((f) => ({ source: f.source, text: readFileSync(f.source, 'utf8') }))
  : [];
const megabytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6;
const queries = corpusQueries(
  files.map((f) => f.text),
  1000,
);
const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-'));
const db1 = join(dir, '1x.db');

/** An import set against parsing the same files alone on one thread, on the same CPUs. */
interface ImportFigures {
  parseOnly: Run;
  import: ImportRun;
  filesPerSecond: number;
  /** Import time over parse-only time. */
  ratio: number;
}

/**
 * On two cores, as `minutes import` runs there (two parse workers and one writer from
 * PARALLEL_MIN_FILES files, else on one thread), and on one (pinned, parsing on the writing
 * thread); at 10x also with the workers' heaps unbounded, which trades memory for time.
 */
interface ImportPair {
  twoCores: ImportFigures;
  oneCore: ImportFigures;
  twoCoresUnboundedHeap?: ImportFigures;
}

const byTime = <R extends Run>(runs: R[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
const figures = (parses: Run[], imports: ImportRun[]): ImportFigures => {
  const [parsed, imported] = [byTime(parses), byTime(imports)];
  return {
    parseOnly: parsed,
    import: imported,
    filesPerSecond: imported.files / (imported.ms / 1000),
    ratio: imported.ms / parsed.ms,
  };
};

/**
 * Parse-only and import of a corpus, on two cores and pinned to one, alternately `repeats`
 * times (each import into a new database), medians set against each other; the last database
 * (two cores) is left for the rest.
 */
async function importFigures(
  corpus: string,
  dbFile: string,
  repeats: number,
  unboundedToo = false,
): Promise<ImportPair> {
  const runs = {
    parse2: [] as Run[],
    import2: [] as ImportRun[],
    parse1: [] as Run[],
    import1: [] as ImportRun[],
    unbounded: [] as ImportRun[],
  };
  const fresh = () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(dbFile + suffix, { force: true }));
  for (let i = 0; i < repeats; i++) {
    runs.parse1.push(await parseOnly(corpus, true));
    fresh();
    runs.import1.push(await importRun(corpus, dbFile, 0, { oneCore: true }));
    runs.parse2.push(await parseOnly(corpus));
    if (unboundedToo) {
      fresh();
      runs.unbounded.push(await importRun(corpus, dbFile, DEFAULT_WORKERS, { env: { MINUTES_WORKER_HEAP_MB: '0' } }));
    }
    fresh();
    runs.import2.push(await importRun(corpus, dbFile, DEFAULT_WORKERS));
  }
  return {
    twoCores: figures(runs.parse2, runs.import2),
    oneCore: figures(runs.parse1, runs.import1),
    ...(unboundedToo && { twoCoresUnboundedHeap: figures(runs.parse2, runs.unbounded) }),
  };
}

const result: {
  corpus: { files: number; megabytes: number };
  parse?: ParseFigures;
  import1x?: ImportPair & { reimportMs: number; reimportRatio: number };
  import10x?: ImportPair;
  search1x?: SearchFigures;
  search100x?: SearchFigures & { buildMs: number };
  /** One server process, and two (the machine's cores). */
  http?: HttpFigures[];
  cli?: CliFigures;
  adversarial?: AdversarialFigures;
  web?: WebFigures | { skipped: string };
} = { corpus: { files: files.length, megabytes: Number(fixed(megabytes)) } };

try {
  if (wanted('parse')) result.parse = benchParse(allFiles);
  if (wanted('adversarial')) result.adversarial = await benchAdversarial();
  const needDb = wanted('import') || wanted('search') || wanted('100x') || wanted('http') || wanted('cli');
  if (wanted('import')) {
    const cold = await importFigures(CORPUS, db1, 3);
    const again = await importRun(CORPUS, db1, DEFAULT_WORKERS);
    result.import1x = { ...cold, reimportMs: again.ms, reimportRatio: again.ms / cold.twoCores.import.ms };
  } else if (needDb) {
    await importRun(CORPUS, db1, DEFAULT_WORKERS); // the database the other parts search, without timing imports
  }
  if (wanted('10x')) {
    const tenfold = makeCopies(CORPUS, join(dir, '10x'), 10);
    result.import10x = await importFigures(tenfold, join(dir, '10x.db'), 3, true);
    rmSync(tenfold, { recursive: true, force: true });
    rmSync(join(dir, '10x.db'), { force: true });
  }
  if (wanted('search')) result.search1x = benchSearch(db1, queries);
  if (wanted('100x')) {
    const db100 = join(dir, '100x.db');
    const buildMs = buildCopies(db1, db100, 100);
    result.search100x = { ...benchSearch(db100, queries), buildMs };
    rmSync(db100, { force: true });
  }
  if (wanted('http'))
    result.http = [await benchHttp(db1, queries, seconds, 1), await benchHttp(db1, queries, seconds, 2)];
  if (wanted('cli')) result.cli = benchCli(db1, queries.filter((q) => !q.includes(' ')).slice(0, 21));
  if (wanted('web')) {
    const dbAll = join(dir, 'all.db');
    await importRun(SHARED, dbAll, DEFAULT_WORKERS);
    result.web = await benchOverviewPaint(dbAll);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows: [string, string, string][] = [];
const { parse, import1x, import10x, search1x, search100x, http, cli } = result;
if (parse)
  rows.push([
    'parse (all four communities)',
    `bare ${fixed(parse.bareMBps)} MB/s, parse + extract ${fixed(parse.extractMBps)} MB/s: ratio ${fixed(parse.ratio)}`,
    '>= 0.8',
  ]);
const importRow = (name: string, pair: ImportPair) => {
  const runs: [string, ImportFigures | undefined, string][] = [
    ['2 cores', pair.twoCores, '<= 1.0; RSS < 300 MB at 10x'],
    ['2 cores, unbounded heaps', pair.twoCoresUnboundedHeap, '<= 1.0; RSS < 300 MB'],
    ['1 core', pair.oneCore, '<= 1.3'],
  ];
  for (const [cores, i, target] of runs) {
    if (!i) continue;
    const how = i.import.workersUsed > 0 ? `${i.import.workersUsed} parse workers` : 'parsing on the writing thread';
    rows.push([
      `${name}, ${cores} (${how})`,
      `${fixed(i.import.ms / 1000)} s, ${fixed(i.filesPerSecond, 0)} files/s, ${fixed(i.ratio)} x parse-only (${fixed(i.parseOnly.ms / 1000)} s); peak RSS ${fixed(i.import.maxRssMB, 0)} MB (parse-only ${fixed(i.parseOnly.maxRssMB, 0)} MB)`,
      target,
    ]);
  }
};
if (import1x) importRow('cold import 1x', import1x);
if (import10x) importRow('cold import 10x', import10x);
if (import1x)
  rows.push([
    're-import 1x',
    `${fixed(import1x.reimportMs, 0)} ms, ${fixed(100 * import1x.reimportRatio, 1)}% of the cold import`,
    '<= 5%',
  ]);
const searchRow = (name: string, s: SearchFigures) =>
  rows.push([
    name,
    `p50 ${fixed(s.p50ms, 3)} ms, p99 ${fixed(s.p99ms, 3)} ms; bare FTS5 p50 ${fixed(s.bareP50ms, 3)} ms, p99 ${fixed(s.bareP99ms, 3)} ms; ratio ${fixed(s.ratio)} (${s.documents} documents)`,
    '<= 1.5; p99 < 2 ms at 1x',
  ]);
if (search1x) searchRow('search 1x', search1x);
if (search100x) searchRow('search 100x', search100x);
for (const h of http ?? []) {
  const http = h;
  rows.push([
    `HTTP, ${http.workers} ${http.workers === 1 ? 'process' : 'processes'}`,
    `${fixed(http.requestsPerSecond, 0)} req/s = ${fixed(http.ratio)} x in-process ${fixed(http.inProcessPerSecond, 0)}/s; p50 ${http.p50ms} ms, p99 ${http.p99ms} ms; ${http.errors} errors, ${http.non2xx} non-2xx (${http.connections} connections, ${http.seconds} s)`,
    '>= 0.7, 0 errors',
  ]);
}
if (cli) {
  rows.push([
    'CLI: minutes search WORD, new process',
    `${fixed(cli.searchMs, 0)} ms (median of ${cli.runs} words); Node's own start (node -e 0) ${fixed(cli.nodeMs, 0)} ms; grep -ril over the corpus ${fixed(cli.grepMs, 0)} ms`,
    'none set',
  ]);
}
const web = result.web;
if (web && 'skipped' in web) rows.push(['web: first paint of the overview', `skipped: ${web.skipped}`, '< 1000 ms']);
else if (web) {
  rows.push([
    'web: first paint of the overview (all four communities)',
    `${fixed(web.overviewMs, 0)} ms (median of ${web.runs} loads, slowest ${fixed(web.worstOverviewMs, 0)} ms); first contentful ${fixed(web.firstContentfulMs, 0)} ms, largest contentful ${fixed(web.largestContentfulMs, 0)} ms`,
    '< 1000 ms',
  ]);
}
console.log(`corpus: ${files.length} files, ${fixed(megabytes)} MB; 2-core machine, shared`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, figure, target] of rows) console.log(`${name.padEnd(width)}  ${figure}  [target ${target}]`);
if (result.adversarial) printAdversarial(result.adversarial);
console.log(JSON.stringify({ bench: result }));
