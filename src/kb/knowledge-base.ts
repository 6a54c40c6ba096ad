import type { ActionStatus } from '../parse/meeting-record.js';
import type { FileOutcome, ImportOptions, ImportSummary } from '../import/import-files.js';
import type { ParsePool } from '../import/parse-pool.js';
import type { FoundFile } from '../import/find-files.js';
import type { DB } from '../store/database.js';
import { meetingCount, seriesCounts, type SeriesCount } from '../store/kb-status.js';
import { changeItemStatus, relinkSeries, type TrackedItemDetail } from '../store/tracked-items.js';

/**
 * The domain in one place: what the CLI, the HTTP API and the MCP tools do to a knowledge base
 * (import a batch or one posted file, write it, relink the series it touched, report its status,
 * change an item by hand) is sequenced here, each of them a few lines around these calls. The
 * importer is loaded when an import runs, so that commands which only read do not load the parser.
 */

export interface KnowledgeBaseStatus {
  /** Whether this server takes imports and status changes (MINUTES_TOKEN is set). */
  writable: boolean;
  meetings: number;
  /** Every series with its number of meetings and its latest date, for pickers. */
  series: SeriesCount[];
}

export function status(db: DB, writable: boolean): KnowledgeBaseStatus {
  return { writable, meetings: meetingCount(db), series: seriesCounts(db) };
}

/** Import files and folders (parsed in workers for large batches); each batch relinks the series it touched. */
export async function importFiles(db: DB, paths: string[], options: ImportOptions): Promise<ImportSummary> {
  const { importPathsInParallel } = await import('../import/import-files.js');
  return importPathsInParallel(db, paths, options);
}

/** Import one file sent to the API (parsed in a worker within its budget), then relink the series it touched. */
export async function importPosted(db: DB, bytes: Uint8Array, file: FoundFile, pool: ParsePool): Promise<FileOutcome> {
  const { importTextInWorker } = await import('../import/import-files.js');
  const result = await importTextInWorker(db, bytes, file, pool);
  if (result.outcome !== 'failed') relink(db, result.series);
  return result;
}

/** Rebuild the tracked items of these series (after their meetings changed). */
export function relink(db: DB, series: Iterable<string | null>): void {
  for (const s of new Set(series)) relinkSeries(db, s);
}

/** Close, drop or reopen an item by hand; null when there is no such item. */
export function changeItem(db: DB, id: string, status: ActionStatus, note: string | null): TrackedItemDetail | null {
  return changeItemStatus(db, id, status, note);
}
