/**
 * A parse worker of the import pool (parse-pool.ts): a file's bytes in, its record and text out.
 * It only parses; reading, hashing and writing stay with the one thread that holds the database.
 * It says when it is ready, so that the time it takes to load the parser is not counted against
 * the first file's time budget.
 */
import { parentPort } from 'node:worker_threads';
import type { FoundFile } from './find-files.js';
import { parseFile, type ParsedFile } from './read-minutes.js';

export interface ParseJob {
  id: number;
  file: FoundFile;
  bytes: Uint8Array;
}

export type WorkerMessage = { ready: true } | { id: number; parsed: ParsedFile };

parentPort!.on('message', ({ id, file, bytes }: ParseJob) => {
  parentPort!.postMessage({ id, parsed: parseFile(bytes, file) } satisfies WorkerMessage);
});
parentPort!.postMessage({ ready: true } satisfies WorkerMessage);
