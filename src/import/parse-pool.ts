import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FoundFile } from './find-files.js';
import type { ParseJob, ParseReply } from './parse-worker.js';
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
 * import peaked at ~400 MB; bounded, at ~300 MB, but ~15% slower: below 2 GB V8 grows the heap by
 * a smaller factor and collects more often. A file too large to parse within it is parsed by the
 * caller.
 */
const WORKER_HEAP_MB = process.env.MINUTES_WORKER_HEAP_MB !== undefined && Number(process.env.MINUTES_WORKER_HEAP_MB) >= 0 ? Number(process.env.MINUTES_WORKER_HEAP_MB) : 128;

/**
 * Below this many new files, parse workers do not pay here: each compiles the parser anew (~1.7 s
 * of CPU on this machine), and a parse on one thread already keeps 1.5 cores busy with V8's
 * compiler and GC threads. Measured on 2 cores: 843 files 4.6-4.9 s with two workers against
 * 4.5-4.8 s without; 2,529 files 10.2 s against 10.6-10.8 s; 8,430 files 29 s against 33 s.
 */
export const PARALLEL_MIN_FILES = 2000;

interface Slot {
  worker: Worker;
  pending: Map<number, (parsed: ParsedFile | null) => void>;
  /** Files it has answered: a worker that dies before its first could not start, and is not started again. */
  answered: number;
}

/**
 * Worker threads that parse files, so that a bulk import parses on every core while the one
 * thread that writes the database goes on writing. Jobs go to the worker with the fewest in
 * hand. A worker that dies (out of memory on a huge file, say) answers `null` for the files it
 * held, and the caller parses those itself. It is replaced if it had parsed a file: one that
 * dies before (cannot start, or its first file is too large) is not, so that no worker is started
 * again and again; with none left, the caller parses every file.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;

  constructor(size: number) {
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
    const worker = new Worker(script, { eval: isEval, execArgv: [], resourceLimits: WORKER_HEAP_MB > 0 ? { maxOldGenerationSizeMb: WORKER_HEAP_MB } : {} });
    const slot: Slot = { worker, pending: new Map(), answered: 0 };
    worker.on('message', ({ id, parsed }: ParseReply) => {
      slot.answered++;
      slot.pending.get(id)?.(parsed);
      slot.pending.delete(id);
    });
    let failure: unknown = null;
    worker.on('error', (error) => (failure = error)); // 'exit' follows: its files were not parsed.
    worker.on('exit', () => {
      for (const resolve of slot.pending.values()) resolve(null);
      slot.pending.clear();
      const i = this.slots.indexOf(slot);
      if (i < 0 || this.closed) return;
      this.slots.splice(i, 1);
      if (slot.answered === 0) {
        // Not silent: the import goes on, slower, and whoever runs it should know why.
        if (this.slots.length === 0) process.emitWarning(`parse workers stopped before parsing a file (${failure instanceof Error ? failure.message : 'exited'}): parsing on the writing thread`);
        return;
      }
      try {
        this.slots.push(this.start());
      } catch {
        // No replacement: the others, or the caller, parse what is left.
      }
    });
    return slot;
  }

  /** A file's record and text, or `null` if its worker died before answering (or none is left). The bytes are copied. */
  parse(file: FoundFile, bytes: Uint8Array): Promise<ParsedFile | null> {
    if (this.slots.length === 0) return Promise.resolve(null);
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending.set(id, resolve);
      slot.worker.postMessage({ id, file, bytes } satisfies ParseJob);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
