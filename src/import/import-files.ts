import { isFailed } from '../parse/meeting-record.js';
import type { DB } from '../store/database.js';
import { unknownOwners, type UnknownOwner } from '../store/people.js';
import { meetingsPerSeries } from '../store/meetings.js';
import { relinkSeries, unlinkedSeries } from '../store/tracked-items.js';
import { storedMeeting, writeMeeting, type WriteOutcome } from '../store/write-meeting.js';
import { searchMarkdownFiles, type FoundFile, type SkippedFolder } from './find-files.js';
import { INLINE_MAX_BYTES, PARALLEL_MIN_FILES, parseBudgetMs, ParsePool } from './parse-pool.js';
import { contentHash, MAX_FILE_BYTES, parseFile, readBytes, tooLarge, type ParsedFile } from './read-minutes.js';

export type FileOutcome =
  | { source: string; outcome: WriteOutcome; meetingId: number; series: (string | null)[] }
  | { source: string; outcome: 'failed'; error: string; code?: string };

export interface ImportSummary {
  imported: number;
  replaced: number;
  unchanged: number;
  failed: { source: string; error: string }[];
  /** Owners in the imported files that match no participant, learned name or alias. */
  unknownOwners: UnknownOwner[];
  /** The series of the files of this import (imported, replaced or unchanged), with their meeting counts. */
  series: { series: string; meetings: number }[];
  /** Folders under the given ones that could not be read: their files are not in this import. */
  skipped: SkippedFolder[];
}

/** A file ready to parse: its bytes and their hash, which is not stored yet. */
interface ToParse {
  file: FoundFile;
  bytes: Uint8Array;
  hash: string;
}

/** A file that failed, with the error's code if it has one (SQLITE_FULL, say: the server answers 507 for it). */
function failed(source: string, error: unknown): FileOutcome {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string'
    ? { source, outcome: 'failed', error: message, code }
    : { source, outcome: 'failed', error: message };
}

/**
 * What can be known of a file without parsing it: too large, unreadable, or unchanged since it
 * was stored (same sha256: it is never parsed again); else its bytes, to parse.
 */
function check(db: DB, file: FoundFile, read: () => Uint8Array): ToParse | FileOutcome {
  try {
    const bytes = read();
    if (bytes.byteLength > MAX_FILE_BYTES) return failed(file.source, tooLarge(bytes.byteLength));
    const hash = contentHash(bytes);
    const stored = storedMeeting(db, file.source);
    if (stored?.contentHash === hash)
      return { source: file.source, outcome: 'unchanged', meetingId: stored.id, series: [] };
    return { file, bytes, hash };
  } catch (error) {
    return failed(file.source, error);
  }
}

/** Store a parsed file in its own transaction (a savepoint, inside a batch's). */
function store(db: DB, { file, hash }: ToParse, { record, text }: ParsedFile): FileOutcome {
  if (isFailed(record)) return failed(file.source, record.error);
  try {
    const { outcome, id, series } = writeMeeting(db, { record, contentHash: hash, body: text });
    return { source: file.source, outcome, meetingId: id, series };
  } catch (error) {
    return failed(file.source, error);
  }
}

const isOutcome = (x: ToParse | FileOutcome): x is FileOutcome => 'outcome' in x;

/**
 * Import one markdown text under a source name: parse it, and store it in one
 * transaction unless its content hash is already stored. Never throws for bad
 * input: a failure is returned with its reason, and the database is unchanged.
 */
export function importText(db: DB, bytes: Uint8Array, file: FoundFile): FileOutcome {
  const checked = check(db, file, () => bytes);
  return isOutcome(checked) ? checked : store(db, checked, parseFile(checked.bytes, file));
}

/**
 * Files written in one write transaction, each in a savepoint of its own: a file that fails
 * rolls back alone, and the rest of the batch still commits. One commit per file made a 1x
 * import 8% slower (FTS5 writes its index segments at each commit). The batch commits after
 * `maxFiles` files or `maxMs` milliseconds, checked after every file (written or not) and before
 * waiting for a parse, so other writers wait little. A written file counts (`settle`) only once
 * its batch is committed: if the commit fails, or SQLite rolls the whole transaction back (disk
 * full, I/O error), the batch's files are reported failed, not imported.
 */
class WriteBatch {
  private opened = false;
  private files = 0;
  private since = 0;
  private written: FileOutcome[] = [];

  constructor(
    private readonly db: DB,
    private readonly settle: (result: FileOutcome) => void,
    private readonly maxFiles = 50,
    private readonly maxMs = 250,
  ) {}

  /**
   * Write a parsed file (a file that failed to parse is settled at once); returns its outcome, final once committed.
   */
  store(file: ToParse, parsed: ParsedFile): FileOutcome {
    if (isFailed(parsed.record)) return this.now(failed(file.file.source, parsed.record.error));
    // Inside a transaction the caller began, files are only savepoints of it.
    if (!this.opened && this.db.inTransaction) return this.now(store(this.db, file, parsed));
    if (!this.opened) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        return this.now(failed(file.file.source, error));
      }
      [this.opened, this.files, this.since] = [true, 0, performance.now()];
    }
    const outcome = store(this.db, file, parsed);
    if (!this.db.inTransaction) {
      this.lose(outcome.outcome === 'failed' ? outcome.error : 'the write transaction was rolled back');
      return this.now(
        outcome.outcome === 'failed' ? outcome : failed(file.file.source, 'the write transaction was rolled back'),
      );
    }
    this.files++;
    if (outcome.outcome === 'failed') this.settle(outcome);
    else this.written.push(outcome);
    return outcome;
  }

  /** Commit if the batch is full or old. */
  tick(): void {
    if (this.opened && (this.files >= this.maxFiles || performance.now() - this.since >= this.maxMs)) this.commit();
  }

  commit(): void {
    if (!this.opened) return;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.lose(
        `its write transaction could not be committed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    this.opened = false;
    for (const outcome of this.written.splice(0)) this.settle(outcome);
  }

  rollback(): void {
    if (this.opened && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.opened = false;
    this.written = [];
  }

  private now(outcome: FileOutcome): FileOutcome {
    this.settle(outcome);
    return outcome;
  }

  /** The transaction is gone: what it wrote is not in the database. */
  private lose(reason: string): void {
    this.opened = false;
    for (const { source } of this.written.splice(0)) this.settle(failed(source, `not imported: ${reason}`));
  }
}

/** Counts what happened to each file, then links and checks what the batch wrote. */
class Tally {
  readonly summary: ImportSummary = {
    imported: 0,
    replaced: 0,
    unchanged: 0,
    failed: [],
    unknownOwners: [],
    series: [],
    skipped: [],
  };
  private readonly written: number[] = [];
  private readonly meetings: number[] = [];
  private readonly touched = new Set<string | null>();

  readonly add = (result: FileOutcome): void => {
    if (result.outcome === 'failed') this.summary.failed.push({ source: result.source, error: result.error });
    else {
      this.summary[result.outcome]++;
      this.meetings.push(result.meetingId);
    }
    if (result.outcome === 'imported' || result.outcome === 'replaced') {
      this.written.push(result.meetingId);
      for (const s of result.series) this.touched.add(s);
    }
  };

  /**
   * Linked and checked after the whole batch, so that the order of files does not matter;
   * series left unlinked by an import that was killed before this point are linked too.
   */
  finish(db: DB): ImportSummary {
    for (const series of new Set([...this.touched, ...unlinkedSeries(db)])) relinkSeries(db, series);
    this.summary.unknownOwners = unknownOwners(db, this.written);
    this.summary.series = meetingsPerSeries(db, this.meetings);
    return this.summary;
  }
}

export type OnFile = (done: number, total: number, result: FileOutcome) => void;

/** The writing side of an import: each file, in order, written or counted, and progress reported. */
class Writer {
  private readonly tally = new Tally();
  private readonly batch: WriteBatch;
  private done = 0;

  constructor(
    private readonly db: DB,
    private readonly total: number,
    private readonly onFile: OnFile,
  ) {
    this.batch = new WriteBatch(db, this.tally.add);
  }

  /** The next file: known without parsing (`checked` is its outcome), or parsed and to be written. */
  add(checked: ToParse | FileOutcome, parsed: ParsedFile | null): void {
    const result = isOutcome(checked) ? (this.tally.add(checked), checked) : this.batch.store(checked, parsed!);
    this.batch.tick();
    this.onFile(++this.done, this.total, result);
  }

  finish(): ImportSummary {
    this.batch.commit();
    return this.tally.finish(this.db);
  }

  abort(): void {
    this.batch.rollback();
  }
}

/**
 * Import files and folders on this thread, with no time budget for a parse (tests and trusted
 * callers; the CLI uses `importPathsInParallel`). Each file is its own savepoint, so one bad file
 * leaves the others imported. `onFile` reports progress after every file.
 */
export function importPaths(db: DB, paths: string[], onFile: OnFile = () => {}): ImportSummary {
  const { files, skipped } = searchMarkdownFiles(paths);
  return { ...importFound(db, files, onFile), skipped };
}

function importFound(db: DB, files: FoundFile[], onFile: OnFile): ImportSummary {
  const writer = new Writer(db, files.length, onFile);
  try {
    for (const file of files) {
      const checked = check(db, file, () => readBytes(file));
      writer.add(checked, isOutcome(checked) ? null : parseFile(checked.bytes, file));
    }
    return writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** Files a worker may hold at once: enough that none waits for the writer, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 8;

/**
 * Where a file is parsed: a small one on this thread, a larger one (or any, for a parallel
 * import) in a worker within the time budget, so that no file can hold the import hostage. The
 * workers start when the first file needs one.
 */
class FileParser {
  private pool: ParsePool | null = null;

  constructor(
    private readonly workers: number,
    private readonly inlineMaxBytes: number,
    private readonly budgetMs: number,
  ) {}

  parse(file: FoundFile, bytes: Uint8Array): ParsedFile | Promise<ParsedFile> {
    if (bytes.byteLength <= this.inlineMaxBytes || (this.budgetMs <= 0 && this.workers <= 1))
      return parseFile(bytes, file);
    this.pool ??= new ParsePool(this.workers, this.budgetMs);
    // null: the worker died (out of memory, say); this thread parses the file instead.
    return this.pool.parse(file, bytes).then((parsed) => parsed ?? parseFile(bytes, file));
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}

export interface ImportOptions {
  /** Threads that parse while this one writes, for `minFiles` new files or more (0: none). */
  workers: number;
  onFile?: OnFile;
  minFiles?: number;
  /** A parse's time budget, ms (0: none); default `MINUTES_PARSE_BUDGET`. */
  budgetMs?: number;
}

/**
 * Import files and folders as the CLI does: each file parsed within its time budget (a file over
 * it fails with that reason, the batch goes on), written in the order of the files, the same
 * database as `importPaths`. With `minFiles` files not stored yet or more, `workers` threads
 * parse while this thread reads, hashes and writes; unchanged files are found before parsing and
 * never reach a worker.
 */
export async function importPathsInParallel(
  db: DB,
  paths: string[],
  { workers, onFile = () => {}, minFiles = PARALLEL_MIN_FILES, budgetMs = parseBudgetMs() }: ImportOptions,
): Promise<ImportSummary> {
  const { files, skipped } = searchMarkdownFiles(paths);
  const newFiles = files.filter((f) => !storedMeeting(db, f.source)).length;
  const parallel = workers >= 1 && newFiles >= minFiles;
  const parser = new FileParser(parallel ? workers : 1, parallel ? 0 : INLINE_MAX_BYTES, budgetMs);
  const window = parallel ? workers * IN_FLIGHT_PER_WORKER : 1;
  const writer = new Writer(db, files.length, onFile);
  // Each file's check and parse, started ahead of the writer; written strictly in order.
  const ahead: { checked: ToParse | FileOutcome; parsed: ParsedFile | Promise<ParsedFile> | null }[] = [];
  let next = 0;
  const readAhead = () => {
    while (next < files.length && ahead.length < window) {
      const file = files[next++]!;
      const checked = check(db, file, () => readBytes(file));
      ahead.push({ checked, parsed: isOutcome(checked) ? null : parser.parse(file, checked.bytes) });
    }
  };
  try {
    for (let done = 0; done < files.length; done++) {
      readAhead();
      const { checked, parsed } = ahead.shift()!;
      const ready = await parsed;
      readAhead();
      writer.add(checked, ready);
    }
    return { ...writer.finish(), skipped };
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    await parser.close();
  }
}

/**
 * `importText` with the parse in a worker of `pool` (within its time budget), so that the
 * calling thread (a server's) stays free while the file is parsed.
 */
export async function importTextInWorker(
  db: DB,
  bytes: Uint8Array,
  file: FoundFile,
  pool: ParsePool,
): Promise<FileOutcome> {
  const checked = check(db, file, () => bytes);
  if (isOutcome(checked)) return checked;
  const parsed = (await pool.parse(file, checked.bytes)) ?? parseFile(checked.bytes, file);
  // Checked again: another request may have stored the same file while this one was parsed.
  const again = check(db, file, () => bytes);
  return isOutcome(again) ? again : store(db, again, parsed);
}
