import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFailed, type MeetingRecord } from '../src/parse/meeting-record.js';
import { afterEach, beforeEach } from 'vitest';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { openDatabase, type DB } from '../src/store/database.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared corpus of real minutes, beside the project; tests that need it skip where it is absent. */
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'scs');
export const HAS_CORPUS = existsSync(CORPUS);
if (!HAS_CORPUS) console.warn(`skipping corpus tests: ${CORPUS} is absent (it lives beside the project as ../shared)`);

/** All four communities of ../shared/corpus (scs, nodejs-tsc, tc39, ipfs). */
export const SHARED_CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Parse a file of the shared corpus (path relative to it, such as `tc39/2020-06/june-2.md`). */
export function parseCorpusFile(path: string): MeetingRecord {
  const result = parseMeeting(readFileSync(join(SHARED_CORPUS, path), 'utf8'), path);
  if (isFailed(result)) throw new Error(`${path}: ${result.error}`);
  return result;
}

/** The line of the first line of a corpus file that contains a text. */
export function corpusLineOf(path: string, text: string): number {
  const index = readFileSync(join(SHARED_CORPUS, path), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${path} has no line with ${JSON.stringify(text)}`);
  return index + 1;
}

/** The 2024-07-15 product board notes that ship in minutes/. */
export const EXAMPLE = 'minutes/product-board/20240715.md';

/** Parse a project file (path relative to the root) and fail the test if it is no record. */
export function parseFile(path: string): MeetingRecord {
  const result = parseMeeting(readFileSync(join(ROOT, path), 'utf8'), path);
  if (isFailed(result)) throw new Error(`${path}: ${result.error}`);
  return result;
}

/** Parse markdown written in a test. */
export function parseText(markdown: string, source = 'test/20240715.md'): MeetingRecord {
  const result = parseMeeting(markdown, source);
  if (isFailed(result)) throw new Error(result.error);
  return result;
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-kb-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The line number of the first line of a file that contains a text: tests find lines by content, not by number. */
export function lineOf(path: string, text: string): number {
  const index = readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${path} has no line with ${JSON.stringify(text)}`);
  return index + 1;
}

/** A temporary copy of minutes/ and a new database beside it, for tests that change both. */
export function tempKnowledgeBase(): { dir: string; minutes: string; db: DB; remove: () => void } {
  const { dir, remove } = tempDir();
  cpSync(join(ROOT, 'minutes'), join(dir, 'minutes'), { recursive: true });
  const db = openDatabase(join(dir, 'kb.db'));
  return {
    dir,
    minutes: join(dir, 'minutes'),
    db,
    remove: () => {
      db.close();
      remove();
    },
  };
}

/** A fresh `tempKnowledgeBase()` for each test of the enclosing describe block. */
export function useKnowledgeBase(): () => ReturnType<typeof tempKnowledgeBase> {
  let kb: ReturnType<typeof tempKnowledgeBase>;
  beforeEach(() => {
    kb = tempKnowledgeBase();
  });
  afterEach(() => kb.remove());
  return () => kb;
}
