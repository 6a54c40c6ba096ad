import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FoundFile } from './find-files.js';
import type { ParseJob, WorkerMessage } from './parse-worker.js';
import type { ParsedFile } from './read-minutes.js';

/**
 * The worker: the built script beside this module, or, when this module runs from its source
 * (the tests), the source under tsx, registered in the worker itself (`--import tsx` in a
 * worker's execArgv does not reach its module loader on Node 20).
 */
function workerScript(): { script: URL | string; eval: boolean } {
  const built = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(built)) return { script: built, eval: false };
  const source = JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href);
  return { script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); })`, eval: true };
}

/**
 * A worker's old generation, MB (`MINUTES_WORKER_HEAP_MB`; 0 leaves V8's default). Unbounded,
 * V8 lets each worker's heap grow to ~4x its ~20 MB of live data before collecting, and a 10x
 * import peaked at ~400 MB; bounded, at ~300 MB, but slower: below 2 GB V8 grows the heap by
 * a smaller factor and collects more often. A file too large to parse within it is parsed by the
 * caller.
 */
const WORKER_HEAP_MB =
  process.env.MINUTES_WORKER_HEAP_MB !== undefined && Number(process.env.MINUTES_WORKER_HEAP_MB) >= 0
    ? Number(process.env.MINUTES_WORKER_HEAP_MB)
    : 128;

/**
 * Below this many new files, parse workers do not pay for speed: each compiles the parser anew,
 * and a parse on one thread already keeps 1.5 cores busy with V8's compiler and GC threads
 * (measured on 2 cores: README, Performance). Larger files still go to one worker, for their
 * time budget (`INLINE_MAX_BYTES`).
 */
export const PARALLEL_MIN_FILES = 2000;

/**
 * Files up to this size are parsed on the calling thread without a time budget: the worst inputs
 * known (micromark's own, README, Robustness) parse this much in well under a second, and a
 * worker costs a second or two of CPU to start. Larger files are parsed in a worker with a budget.
 */
export const INLINE_MAX_BYTES = 16 * 1024;

/** The time budget of one parse, ms: `MINUTES_PARSE_BUDGET` seconds (default 10; 0 for none). */
export function parseBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.MINUTES_PARSE_BUDGET;
  if (value === undefined || value === '') return 10_000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`MINUTES_PARSE_BUDGET must be a number of seconds (0 for no budget), not ${JSON.stringify(value)}`);
  }
  return seconds * 1000;
}

/** What a file that used up its budget imports as: a failure with the reason, never a record. */
export function overBudget(file: FoundFile, budgetMs: number): ParsedFile {
  const error = `parsing took longer than ${budgetMs / 1000} s (the time budget, MINUTES_PARSE_BUDGET): not imported`;
  return { record: { source: file.source, error }, text: '' };
}

interface Job extends ParseJob {
  resolve: (parsed: ParsedFile | null) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to the worker, in the order it works on them: the first is the one it is parsing. */
  jobs: Job[];
  /** Whether it has loaded the parser: the first job's budget starts then, not when it was sent. */
  ready: boolean;
  timer: NodeJS.Timeout | null;
  /** Files it has answered: a worker that dies before its first could not start, and is not started again. */
  answered: number;
}

/**
 * Worker threads that parse files, each file within a time budget, so that no file can hold the
 * thread that writes the database (or answers requests). Jobs go to the worker with the fewest in
 * hand. A file that outlasts its budget is answered as failed and its worker is terminated and
 * replaced; the files queued behind it move to the new one. A worker that dies (out of memory
 * on a huge file, say) answers `null` for the files it held, and the caller parses those itself.
 * It is replaced if it had parsed a file: one that dies before (cannot start, or its first file
 * is too large) is not, so that no worker is started again and again; with none left, the caller
 * parses every file.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    size: number,
    private readonly budgetMs = parseBudgetMs(),
  ) {
    try {
      for (let i = 0; i < size; i++) this.slots.push(this.start());
    } catch (error) {
      void this.close();
      throw error;
    }
  }

  private start(): Slot {
    const { script, eval: isEval } = workerScript();
    // execArgv []: a worker would inherit this process's flags, and `--input-type` (say) stops it loading.
    const resourceLimits = WORKER_HEAP_MB > 0 ? { maxOldGenerationSizeMb: WORKER_HEAP_MB } : {};
    const worker = new Worker(script, { eval: isEval, execArgv: [], resourceLimits });
    const slot: Slot = { worker, jobs: [], ready: false, timer: null, answered: 0 };
    worker.on('message', (message: WorkerMessage) => this.receive(slot, message));
    let failure: unknown = null;
    worker.on('error', (error) => (failure = error)); // 'exit' follows: its files were not parsed.
    worker.on('exit', () => this.exited(slot, failure));
    return slot;
  }

  private receive(slot: Slot, message: WorkerMessage): void {
    if ('ready' in message) slot.ready = true;
    else {
      slot.answered++;
      this.stopClock(slot);
      const i = slot.jobs.findIndex((job) => job.id === message.id);
      if (i >= 0) slot.jobs.splice(i, 1)[0]!.resolve(message.parsed);
    }
    this.startClock(slot);
  }

  /** The budget of the file the worker is on starts once it is ready and has finished the one before. */
  private startClock(slot: Slot): void {
    if (!slot.ready || slot.timer || slot.jobs.length === 0 || this.budgetMs <= 0) return;
    slot.timer = setTimeout(() => this.expire(slot), this.budgetMs);
  }

  private stopClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Its file took too long: it fails, the worker goes, and the files behind it go to a fresh one. */
  private expire(slot: Slot): void {
    slot.timer = null;
    const [late, ...waiting] = slot.jobs.splice(0);
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
    late?.resolve(overBudget(late.file, this.budgetMs));
    if (this.closed) return;
    try {
      this.slots.push(this.start());
    } catch {
      // No replacement: the others, or the caller, parse what is left.
    }
    for (const job of waiting) this.send(job);
  }

  private exited(slot: Slot, failure: unknown): void {
    this.stopClock(slot);
    for (const job of slot.jobs.splice(0)) job.resolve(null);
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    this.slots.splice(i, 1);
    if (slot.answered === 0) {
      // Not silent: the import goes on, slower, and whoever runs it should know why.
      const why = failure instanceof Error ? failure.message : 'exited';
      if (this.slots.length === 0)
        process.emitWarning(`parse workers stopped before parsing a file (${why}): parsing on the calling thread`);
      return;
    }
    try {
      this.slots.push(this.start());
    } catch {
      // No replacement: the others, or the caller, parse what is left.
    }
  }

  private send(job: Job): void {
    if (this.slots.length === 0) return job.resolve(null);
    const slot = this.slots.reduce((a, b) => (b.jobs.length < a.jobs.length ? b : a));
    slot.jobs.push(job);
    slot.worker.postMessage({ id: job.id, file: job.file, bytes: job.bytes } satisfies ParseJob);
    this.startClock(slot);
  }

  /**
   * A file's record and text (a failed record if it outlasted its budget), or `null` if its worker
   * died before answering (or none is left). The bytes are copied.
   */
  parse(file: FoundFile, bytes: Uint8Array): Promise<ParsedFile | null> {
    return new Promise((resolve) => this.send({ id: this.nextId++, file, bytes, resolve }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) this.stopClock(slot);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
