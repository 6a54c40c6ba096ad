import { Command } from 'commander';
import { importPaths, type ImportSummary } from '../../import/import-files.js';
import { databasePath } from '../../store/database.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption } from '../options.js';
import { progressBar } from '../progress.js';

/** Import paths into a database, with a progress bar on a terminal; returns the summary. */
export function runImport(paths: string[], dbFile: string): ImportSummary {
  const { db } = openStore({ db: dbFile });
  const progress = progressBar('importing');
  try {
    return importPaths(db, paths, (done, total) => progress.update(done, total));
  } finally {
    progress.stop();
    db.close();
  }
}

export function printSummary(summary: ImportSummary, dbFile: string): void {
  println(`${summary.imported} imported, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.failed.length} failed (${dbFile})`);
  for (const f of summary.failed) println(`  failed: ${f.source}: ${f.error}`);
  const unknown = summary.unknownOwners;
  if (unknown.length > 0) {
    println(`${unknown.length} owners match no known person (add them with \`minutes people alias NAME HANDLE\`; --json lists all):`);
    for (const u of unknown.slice(0, 10)) println(`  warning: ${u.source}:${u.line}: unknown owner "${u.owner}"`);
    if (unknown.length > 10) println(`  ... and ${unknown.length - 10} more`);
  }
}

export function importCommand(): Command {
  return new Command('import')
    .description('import minutes into the database; unchanged files are skipped, changed files replaced')
    .argument('<paths...>', 'markdown files or folders (searched for .md files)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((paths: string[], options: { db?: string; json?: boolean }) => {
      const dbFile = databasePath(options.db);
      let summary: ImportSummary;
      try {
        summary = runImport(paths, dbFile);
      } catch (error) {
        // A path that does not exist: nothing was imported.
        process.stderr.write(`minutes import: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
        return;
      }
      if (options.json) printJson({ database: dbFile, ...summary });
      else printSummary(summary, dbFile);
      if (summary.failed.length > 0) process.exitCode = 1;
    });
}
