/**
 * Parts 2 and 3: cold import of a corpus against parsing it alone, and re-import of the
 * unchanged corpus. Each runs in a new Node process on the built code (dist/), so that it
 * starts cold and reports its own peak memory. The 10x corpus is the shared corpus ten
 * times over: copy k in series `<series>-r<k>`, every year in names and text moved 4k years
 * on (so that 29 February stays a date), written to a temporary folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { findMarkdownFiles } from '../src/import/find-files.js';
import { distImport, runModule } from './common.js';

export interface Run {
  ms: number;
  files: number;
  /** Peak resident memory of the process, MB. */
  maxRssMB: number;
}

/** Read and parse every file on one thread, storing nothing: what an import cannot do faster on one core. */
export function parseOnly(dir: string, oneCore = false): Promise<Run> {
  return runModule<Run>(
    `${distImport('findMarkdownFiles', 'import/find-files.js')}
     ${distImport('readMinutes', 'import/read-minutes.js')}
     const start = performance.now();
     const files = findMarkdownFiles([process.argv[1]]);
     for (const file of files) readMinutes(file);
     const ms = performance.now() - start;
     console.log(JSON.stringify({ ms, files: files.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));`,
    [dir],
    { oneCore },
  );
}

export interface ImportRun extends Run {
  imported: number;
  unchanged: number;
  failed: number;
  /** Parse workers the import used: none below PARALLEL_MIN_FILES files. */
  workersUsed: number;
}

/**
 * `minutes import` of a folder into a database, as the command does it (without its output):
 * with up to `workers` parse threads, or on one thread with 0; `oneCore` pins it to one CPU,
 * `env` sets variables such as MINUTES_WORKER_HEAP_MB.
 */
export function importRun(
  dir: string,
  dbFile: string,
  workers: number,
  options: { oneCore?: boolean; env?: Record<string, string> } = {},
): Promise<ImportRun> {
  return runModule(
    `${distImport('openDatabase', 'store/database.js')}
     ${distImport('importPathsInParallel', 'import/import-files.js')}
     ${distImport('PARALLEL_MIN_FILES', 'import/parse-pool.js')}
     const start = performance.now();
     const db = openDatabase(process.argv[2]);
     const workers = Number(process.argv[3]);
     const summary = await importPathsInParallel(db, [process.argv[1]], { workers });
     db.close();
     const ms = performance.now() - start;
     const files = summary.imported + summary.replaced + summary.unchanged + summary.failed.length;
     console.log(JSON.stringify({ ms, files, imported: summary.imported, unchanged: summary.unchanged, failed: summary.failed.length,
       workersUsed: files >= PARALLEL_MIN_FILES ? workers : 0, maxRssMB: process.resourceUsage().maxRSS / 1024 }));`,
    [dir, dbFile, String(workers)],
    options,
  );
}

/** Years 2010-2029 standing alone or opening a YYYYMMDD date. */
const YEAR = /(?<!\d)20[12]\d(?=(?:\d{4})?(?!\d))/g;

/** Write `copies` copies of a corpus into `dest` (copy 0 as it is); returns `dest`. */
export function makeCopies(corpus: string, dest: string, copies: number): string {
  const files = findMarkdownFiles([corpus]).map((f) => ({
    path: relative(corpus, f.source),
    text: readFileSync(f.source, 'utf8'),
  }));
  for (let k = 0; k < copies; k++) {
    const shift = (s: string) => (k === 0 ? s : s.replace(YEAR, (year) => String(Number(year) + 4 * k)));
    for (const file of files) {
      const [series, ...rest] = file.path.split(sep);
      const target = join(dest, k === 0 ? series! : `${series}-r${k}`, ...rest.map(shift));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, shift(file.text));
    }
  }
  return dest;
}
