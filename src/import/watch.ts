import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { existsSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { DB } from '../store/database.js';
import { meetingSourcesStartingWith, removeMeetingsBySource } from '../store/meetings.js';
import { storedMeeting } from '../store/write-meeting.js';
import { findMarkdownFiles, NOT_MINUTES, toPosix } from './find-files.js';
import { importPathsInParallel, type FileOutcome, type ImportSummary } from './import-files.js';

/*
 * Why chokidar and not node's fs.watch: fs.watch reports a bare 'rename' for a file created,
 * deleted or renamed alike, reports one save several times, and on Linux watches a tree by
 * walking it once (folders made later, as by a checkout, need watching by hand). chokidar turns
 * these into add / change / unlink per file, watches new folders as they appear, skips ignored
 * folders (.git, node_modules) without watching them, and folds an editor's save by delete and
 * re-create, or by rename over the file, into one change (`atomic`). It still uses fs.watch
 * (inotify) underneath, not polling.
 *
 * What makes a watch robust does not rest on the events, though: a batch looks at each file as it
 * is when the batch runs. A file that is there is imported (unchanged content costs a hash), a file
 * that is gone has its meeting removed. So a doubled or reordered event, or a file gone by the time
 * it is read, cannot leave the database other than the folder. Events chokidar never sends (files
 * written in a new folder before it is watched) are covered by looking into new folders twice.
 */

/** What happened to one file in the knowledge base, once it is committed. */
export type WatchOutcome =
  | { source: string; outcome: 'imported' | 'replaced' | 'unchanged'; meetingId: number; series: string | null }
  | { source: string; outcome: 'removed'; meetingId: number; series: string | null }
  | { source: string; outcome: 'failed'; error: string };

export interface ApplyOptions {
  workers: number;
  /** Progress of the import part of a batch (a progress bar for a big one). */
  onFile?: (done: number, total: number, result: FileOutcome) => void;
}

/** Files that exist now, as regular files. */
function present(paths: string[]): string[] {
  return paths.filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true);
}

/**
 * Import the files of `paths` that are there; a file that vanishes before or while it is read
 * (removed mid-import) counts as gone. Returns the outcomes of the files imported, and the gone.
 */
async function importPresent(
  db: DB,
  paths: string[],
  options: ApplyOptions,
): Promise<{ outcomes: FileOutcome[]; gone: string[] }> {
  let files = present(paths);
  for (;;) {
    const outcomes: FileOutcome[] = [];
    try {
      if (files.length > 0) {
        await importPathsInParallel(db, files, {
          workers: options.workers,
          onFile: (done, total, result) => {
            outcomes.push(result);
            options.onFile?.(done, total, result);
          },
        });
      }
    } catch (error) {
      // The file search stats every path first and throws if one has gone since `present`.
      const still = present(files);
      if (still.length < files.length) {
        files = still;
        continue;
      }
      throw error;
    }
    const imported = new Set(files);
    const vanished = outcomes.filter((o) => o.outcome === 'failed' && o.code === 'ENOENT').map((o) => o.source);
    return {
      outcomes: outcomes.filter((o) => !(o.outcome === 'failed' && o.code === 'ENOENT')),
      gone: [...paths.filter((p) => !imported.has(p)).map(toPosix), ...vanished],
    };
  }
}

/** The prefix the sources of a folder's files start with, as an import of it names them ("" for "."). */
function sourcePrefix(folder: string): string {
  let posix = toPosix(folder);
  // Trailing slashes trimmed by a loop: /\/+$/ would retry from every slash of a long run.
  while (posix.length > 1 && posix.endsWith('/')) posix = posix.slice(0, -1);
  return posix === '.' ? '' : `${posix}/`;
}

/**
 * What a folder that appeared or went holds, to look at: the `.md` files in it now, and the
 * meetings imported from under it. A folder made by a checkout may fill before it is watched, and
 * the files of a folder removed whole may never have had events of their own.
 */
function folderContents(db: DB, folders: string[]): string[] {
  return folders.flatMap((folder) => {
    let files: string[] = [];
    try {
      files = statSync(folder, { throwIfNoEntry: false })?.isDirectory()
        ? findMarkdownFiles([folder]).map((f) => f.source)
        : [];
    } catch {
      // gone again while it was read: its meetings, below, are looked at
    }
    return [...files, ...meetingSourcesStartingWith(db, sourcePrefix(folder))];
  });
}

/**
 * Bring the knowledge base in line with these files as they are now, with the same one-writer,
 * file-level atomicity as `minutes import` (the same import: each file in a savepoint, batches
 * committed, series relinked): a file that is there is imported (new, replaced, or unchanged), a
 * file that is not has its meeting removed and its series linked again. Returns one outcome a
 * file whose meeting changed or failed, or was looked at and found unchanged; a file that is gone
 * and never was a meeting gives none. `folders` (folders that appeared or went) add their files and
 * the meetings under them.
 */
export async function applyChanges(
  db: DB,
  paths: string[],
  options: ApplyOptions,
  folders: string[] = [],
): Promise<WatchOutcome[]> {
  const { outcomes, gone } = await importPresent(db, [...new Set([...paths, ...folderContents(db, folders)])], options);
  const results: WatchOutcome[] = outcomes.map((o) =>
    o.outcome === 'failed'
      ? { source: o.source, outcome: 'failed', error: o.error }
      : {
          source: o.source,
          outcome: o.outcome,
          meetingId: o.meetingId,
          series: storedMeeting(db, o.source)?.series ?? null,
        },
  );
  for (const m of removeMeetingsBySource(db, [...new Set(gone)])) {
    results.push({ source: m.source, outcome: 'removed', meetingId: m.id, series: m.series });
  }
  return results;
}

/**
 * What a watch does before it watches: import the folders (as `minutes import` would), and remove
 * the meetings imported from under them whose files are gone since (deleted while nobody watched).
 */
export async function catchUp(
  db: DB,
  folders: string[],
  options: ApplyOptions,
): Promise<{ summary: ImportSummary; removed: WatchOutcome[] }> {
  const summary = await importPathsInParallel(db, folders, { workers: options.workers, onFile: options.onFile });
  const sources = folders.flatMap((folder) => {
    const prefix = sourcePrefix(folder);
    // Under ".", only the relative sources below it: "../x.md" and absolute paths are no files of it.
    return meetingSourcesStartingWith(db, prefix).filter(
      (s) => prefix !== '' || !(s.startsWith('../') || isAbsolute(s)),
    );
  });
  const gone = sources.filter((source) => !existsSync(source));
  const removed = removeMeetingsBySource(db, gone).map((m): WatchOutcome => ({
    source: m.source,
    outcome: 'removed',
    meetingId: m.id,
    series: m.series,
  }));
  return { summary, removed };
}

/**
 * Whether a path under one of the watched folders is one the import of that folder would take: a
 * `.md` file (`isFile`), or a folder (`isFile` false, or undefined when not known) on the way to
 * one; hidden folders, node_modules and README-like files at the top are left out, as by the import.
 */
export function isWatched(folders: string[], path: string, isFile?: boolean): boolean {
  const absolute = resolve(path);
  return folders.some((folder) => {
    const rel = relative(resolve(folder), absolute);
    if (rel === '') return isFile !== true;
    if (rel.startsWith('..') || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return false;
    return isFile !== true || (/\.md$/i.test(rel) && !(parts.length === 1 && NOT_MINUTES.test(parts[0]!)));
  });
}

/** A path seen changing: when last, and whether only a folder's event or a second look named it. */
export interface Change {
  at: number;
  /** A folder (that appeared or went), not a file. */
  folder: boolean;
  /** Named by no event of its own (a second look): an unchanged outcome is not news. */
  quiet: boolean;
}

/**
 * The paths seen changing and not yet applied, each with the time of its last event. A batch is
 * taken once no event came for `quietMs` (a save, a checkout of a branch: one batch), or once the
 * oldest pending change has waited `maxWaitMs` (a folder that never goes quiet still gets imported).
 * One batch runs at a time: changes seen meanwhile wait for the next.
 */
export class ChangeQueue {
  private readonly pending = new Map<string, Change>();
  private oldest = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly run: (batch: Map<string, Change>) => Promise<void>,
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
  ) {}

  add(path: string, now = performance.now(), { folder = false, quiet = false } = {}): void {
    if (this.closed) return;
    if (this.pending.size === 0) this.oldest = now;
    const before = this.pending.get(path);
    this.pending.delete(path); // re-inserted: a batch takes files in the order of their last change
    this.pending.set(path, { at: now, folder, quiet: quiet && (before?.quiet ?? true) });
    this.schedule(now);
  }

  private schedule(now = performance.now()): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running || this.pending.size === 0 || this.closed) return;
    const wait = Math.max(0, Math.min(this.quietMs, this.oldest + this.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const batch = new Map(this.pending);
    this.pending.clear();
    this.running = this.run(batch).finally(() => {
      this.running = null;
      if (this.pending.size > 0) this.oldest = Math.min(...[...this.pending.values()].map((c) => c.at));
      this.schedule();
    });
  }

  /** Stop taking changes; waits for the batch that runs (changes still pending are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.pending.clear();
    await this.running;
  }
}

export interface WatchOptions extends ApplyOptions {
  /** Wait this long after the last event before importing (ms). */
  quietMs?: number;
  /** Import at the latest this long after the first pending change (ms). */
  maxWaitMs?: number;
  /** Each file's outcome once committed, with the ms from its last event to then. */
  onChange: (outcome: WatchOutcome, ms: number) => void;
  /** A batch that could not run (the database is locked, say), or a watcher error: the watch goes on. */
  onError: (error: Error) => void;
}

export interface Watch {
  /** The catch-up import, done when the folders are watched and imported. */
  ready: Promise<{ summary: ImportSummary; removed: WatchOutcome[] }>;
  /** Stop watching, after the batch that runs. */
  close(): Promise<void>;
}

export const DEFAULT_QUIET_MS = 250;
export const DEFAULT_MAX_WAIT_MS = 5000;

/** The folder of `folders` a source lies in, if any. */
function folderOf(source: string, folders: string[]): string {
  return folders.find((f) => source.startsWith(`${f}/`)) ?? '';
}

/** A folder to watch must be there and be a folder: the error names it. */
function checkFolder(folder: string): void {
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${folder}: no such folder`);
  if (!stat.isDirectory()) throw new Error(`${folder}: not a folder (watch takes folders of minutes)`);
}

/**
 * Keep the knowledge base in line with folders of minutes: watch them, catch up (import them,
 * remove the meetings of files deleted meanwhile), then apply each batch of changes as it comes.
 * Changes seen during the catch-up wait for it, so nothing is missed between the scan and the watch.
 */
export function watchFolders(db: DB, folders: string[], options: WatchOptions): Watch {
  folders.forEach(checkFolder);
  let caughtUp = false;
  const queue = new ChangeQueue(
    async (batch) => {
      const entries = [...batch];
      const folderPaths = entries.filter(([, c]) => c.folder).map(([path]) => path);
      try {
        const files = entries.filter(([, c]) => !c.folder).map(([path]) => path);
        const outcomes = await applyChanges(db, files, options, folderPaths);
        const done = performance.now();
        for (const o of outcomes) {
          const change = batch.get(o.source);
          // A file found by looking into a folder, unchanged, is no news.
          if (o.outcome === 'unchanged' && (!change || change.quiet)) continue;
          options.onChange(o, done - (change?.at ?? batch.get(folderOf(o.source, folderPaths))?.at ?? done));
        }
      } catch (error) {
        options.onError(error instanceof Error ? error : new Error(String(error)));
      }
      // A folder that appeared is looked into once more, a quiet time later: chokidar reads a new
      // folder before it watches it, and files written in between have no event.
      for (const [path, change] of entries)
        if (change.folder && !change.quiet && existsSync(path))
          queue.add(path, undefined, { folder: true, quiet: true });
    },
    options.quietMs ?? DEFAULT_QUIET_MS,
    options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
  );
  const early: [string, number][] = [];
  const seen = (path: string) => {
    if (!isWatched(folders, path, true)) return;
    const source = toPosix(path);
    if (caughtUp) queue.add(source);
    else early.push([source, performance.now()]);
  };
  // Folders seen before the catch-up are in it; after, they are looked into (see folderContents).
  const seenFolder = (path: string) => {
    if (caughtUp && isWatched(folders, path, false) && !folders.some((f) => resolve(f) === resolve(path))) {
      queue.add(toPosix(path), undefined, { folder: true });
    }
  };
  const watcher: FSWatcher = chokidarWatch(folders, {
    ignoreInitial: true,
    followSymlinks: false, // as the import's folder search: a link is not followed
    ignored: (path: string, stats?: Stats) => !isWatched(folders, path, stats ? stats.isFile() : undefined),
  });
  watcher.on('add', seen).on('change', seen).on('unlink', seen).on('addDir', seenFolder).on('unlinkDir', seenFolder);
  watcher.on('error', (error) => options.onError(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady())).then(async () => {
    const result = await catchUp(db, folders, options);
    caughtUp = true;
    for (const [source, at] of early) queue.add(source, at);
    return result;
  });
  return {
    ready,
    async close() {
      await watcher.close();
      await ready.catch(() => {});
      await queue.close();
    },
  };
}
