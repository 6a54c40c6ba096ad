import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { statSync } from 'node:fs';
import type { WatchOutcome } from '../../import/watch.js';
import { databasePath } from '../../store/database.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption, positiveInteger } from '../options.js';
import { progressBar } from '../progress.js';
import { DEFAULT_WORKERS, printSummary } from './import.js';

export interface WatchingOptions {
  db?: string;
  json?: boolean;
  /** Quiet time before a batch is imported, ms. */
  debounce?: number;
  /** Parse threads for a batch of 2,000 new files or more (as `minutes import --workers`). */
  workers?: number;
  /** Who prints: `minutes watch` or `minutes serve --watch`. */
  name?: string;
}

export interface Watching {
  /** Settles when the folders are imported and watched; rejects if the catch-up import could not run. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** One line per change: time, what happened, the file (and its series, or why it failed). */
function changeLine(o: WatchOutcome, now: Date): string {
  const time = now.toTimeString().slice(0, 8);
  if (o.outcome === 'failed') return `${time} failed ${o.source}: ${o.error}`;
  return `${time} ${o.outcome} ${o.source}${o.series ? ` (${o.series})` : ''}`;
}

/**
 * Watch folders into a database on a connection of its own (a server's readers are not held up by
 * its write transactions), printing the catch-up import, then one line (or JSON line) per change.
 */
export async function startWatching(folders: string[], options: WatchingOptions): Promise<Watching> {
  // chokidar and the parser: loaded by the commands that watch
  const { watchFolders } = await import('../../import/watch.js');
  const name = options.name ?? 'minutes watch';
  const dbFile = databasePath(options.db);
  const { db } = openStore({ db: dbFile });
  const progress = progressBar('importing');
  let catchingUp = true;
  let watch;
  try {
    watch = watchFolders(db, folders, {
      workers: options.workers ?? DEFAULT_WORKERS,
      quietMs: options.debounce,
      onFile: (done, total) => catchingUp && progress.update(done, total),
      onChange: (outcome, ms) => {
        const now = new Date();
        if (options.json) printJson({ event: 'change', time: now.toISOString(), ...outcome, ms: Math.round(ms) });
        else println(changeLine(outcome, now));
      },
      onError: (error) => process.stderr.write(`${name}: ${error.message}\n`),
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const ready = watch.ready.then(
    ({ summary, removed }) => {
      catchingUp = false;
      progress.stop();
      if (options.json) {
        printJson({
          event: 'ready',
          watching: folders,
          database: dbFile,
          ...summary,
          removed: removed.map((r) => r.source),
        });
        return;
      }
      printSummary(summary, dbFile);
      for (const r of removed) println(changeLine(r, new Date()));
      println(`watching ${folders.join(', ')} for changes to .md files (Ctrl-C stops)`);
    },
    (error: unknown) => {
      progress.stop();
      throw error;
    },
  );
  let closing: Promise<void> | null = null;
  return {
    ready,
    close: () =>
      (closing ??= watch.close().finally(() => {
        progress.stop();
        db.close();
      })),
  };
}

/** A folder to watch (each of a variadic argument or option), checked as it is read: the error names it. */
export function watchFolderArgument(value: string, previous: string[] = []): string[] {
  const stat = statSync(value, { throwIfNoEntry: false });
  if (!stat) throw new InvalidArgumentError(`${value}: no such folder.`);
  if (!stat.isDirectory()) throw new InvalidArgumentError(`${value}: not a folder (watch takes folders of minutes).`);
  return [...previous, value];
}

const debounceOption = () =>
  new Option('--debounce <ms>', 'wait this long after the last change before importing (a save, a checkout: one batch)')
    .argParser(positiveInteger)
    .default(250);

export function watchCommand(): Command {
  return new Command('watch')
    .description(
      'import folders of minutes, then keep importing: a .md file created or changed is imported, a removed one leaves',
    )
    .addArgument(new Argument('<folders...>', 'folders of markdown minutes').argParser(watchFolderArgument))
    .addOption(dbOption())
    .addOption(debounceOption())
    .addOption(
      new Option(
        '--workers <n>',
        'threads that parse a batch of 2,000 new files or more (0: parse on the writing thread)',
      )
        .argParser((v) => Math.min(positiveInteger(v), 16))
        .default(DEFAULT_WORKERS),
    )
    .addOption(
      jsonOption('print JSON lines: the catch-up import ({"event":"ready"}), then one {"event":"change"} per file'),
    )
    .action(async (folders: string[], options: { db?: string; json?: boolean; debounce: number; workers: number }) => {
      let watching: Watching;
      try {
        watching = await startWatching(folders, options);
      } catch (error) {
        process.stderr.write(`minutes watch: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
        return;
      }
      const stop = () => void watching.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await watching.ready;
      } catch (error) {
        process.stderr.write(`minutes watch: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
        await watching.close();
      }
    });
}
