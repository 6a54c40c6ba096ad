import { Command, Option } from 'commander';
import { availableParallelism } from 'node:os';
import type { ImportSummary } from '../../import/import-files.js';
import { PARALLEL_MIN_FILES } from '../../import/parse-pool.js';
import { importFiles } from '../../kb/knowledge-base.js';
import { databasePath } from '../../store/database.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption, positiveInteger } from '../options.js';
import { progressBar } from '../progress.js';

/** More parse workers than this only hold memory: the one writer cannot keep up with them. */
const MAX_WORKERS = 16;

/** Parse workers for a large import: one a core; none on one core, where they would only take turns with the writer. */
export const DEFAULT_WORKERS = availableParallelism() > 1 ? Math.min(availableParallelism(), MAX_WORKERS) : 0;

/** Import paths into a database, with a progress bar on a terminal; returns the summary. */
export async function runImport(paths: string[], dbFile: string, workers = DEFAULT_WORKERS): Promise<ImportSummary> {
  const { db } = openStore({ db: dbFile });
  const progress = progressBar('importing');
  try {
    return await importFiles(db, paths, { workers, onFile: (done, total) => progress.update(done, total) });
  } finally {
    progress.stop();
    db.close();
  }
}

export function printSummary(summary: ImportSummary, dbFile: string): void {
  println(
    `${summary.imported} imported, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.failed.length} failed (${dbFile})`,
  );
  for (const f of summary.failed) println(`  failed: ${f.source}: ${f.error}`);
  for (const s of summary.skipped) println(`  warning: ${s.path}: folder cannot be read, skipped (${s.reason})`);
  if (summary.series.length > 0) {
    const shown = summary.series.slice(0, 30).map((s) => `${s.series} (${s.meetings})`);
    const more = summary.series.length > 30 ? `, ... and ${summary.series.length - 30} more (--json lists all)` : '';
    println(`${summary.series.length} series: ${shown.join(', ')}${more}`);
  }
  const unknown = summary.unknownOwners;
  if (unknown.length > 0) {
    println(
      `${unknown.length} owners match no known person (add them with \`minutes people alias NAME HANDLE\`; --json lists all):`,
    );
    for (const u of unknown.slice(0, 10)) println(`  warning: ${u.source}:${u.line}: unknown owner "${u.owner}"`);
    if (unknown.length > 10) println(`  ... and ${unknown.length - 10} more`);
  }
}

const workersOption = () =>
  new Option(
    '--workers <n>',
    `threads that parse while one writes, for ${PARALLEL_MIN_FILES} new files or more (at most ${MAX_WORKERS}; 0: parse on the writing thread)`,
  )
    .argParser((v) => Math.min(positiveInteger(v), MAX_WORKERS))
    .default(DEFAULT_WORKERS);

export function importCommand(): Command {
  return new Command('import')
    .description('import minutes into the database; unchanged files are skipped, changed files replaced')
    .argument('<paths...>', 'markdown files or folders (searched for .md files)')
    .addOption(dbOption())
    .addOption(workersOption())
    .addOption(jsonOption())
    .action(async (paths: string[], options: { db?: string; json?: boolean; workers: number }) => {
      const dbFile = databasePath(options.db);
      let summary: ImportSummary;
      try {
        summary = await runImport(paths, dbFile, options.workers);
      } catch (error) {
        // A path that does not exist (nothing was imported), or a database that cannot be written.
        process.stderr.write(`minutes import: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
        return;
      }
      if (options.json) printJson({ database: dbFile, ...summary });
      else printSummary(summary, dbFile);
      if (summary.failed.length > 0) process.exitCode = 1;
    });
}
