import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isFailed, type MeetingRecord, type ParseResult } from '../parse/meeting-record.js';
import { parseMeeting } from '../parse/parse-meeting.js';
import type { DB } from '../store/database.js';
import { unknownOwners, type UnknownOwner } from '../store/people.js';
import { relinkSeries, unlinkedSeries } from '../store/tracked-items.js';
import { storedMeeting, writeMeeting, type WriteOutcome } from '../store/write-meeting.js';
import { findMarkdownFiles, type FoundFile } from './find-files.js';

/** Files larger than this are refused: minutes are small, and a huge file is a mistake. `MINUTES_MAX_BYTES` changes it. */
export const MAX_FILE_BYTES = Number(process.env.MINUTES_MAX_BYTES) > 0 ? Number(process.env.MINUTES_MAX_BYTES) : 5 * 1024 * 1024;

export type FileOutcome =
  | { source: string; outcome: WriteOutcome; meetingId: number; series: (string | null)[] }
  | { source: string; outcome: 'failed'; error: string };

export interface ImportSummary {
  imported: number;
  replaced: number;
  unchanged: number;
  failed: { source: string; error: string }[];
  /** Owners in the imported files that match no participant, learned name or alias. */
  unknownOwners: UnknownOwner[];
}

function tooLarge(bytes: number): string {
  return `file is ${bytes} bytes, over the ${MAX_FILE_BYTES}-byte limit`;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes to text; invalid UTF-8 becomes U+FFFD rather than failing the file. */
export function decode(bytes: Uint8Array): { text: string; invalid: boolean } {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  return { text, invalid: text.includes('\uFFFD') };
}

/** Series rule: front matter `series:` first, else the folder the file's place gives. */
function withSeries(record: MeetingRecord, seriesFromPath: string | null): MeetingRecord {
  return { ...record, series: record.series ?? seriesFromPath };
}

/**
 * Bytes of a file to its record, as every command reads minutes: size limit, UTF-8 with
 * replacement (and a warning), the parser, and the series its place implies.
 */
export function parseBytes(bytes: Uint8Array, file: FoundFile): ParseResult {
  if (bytes.byteLength > MAX_FILE_BYTES) return { source: file.source, error: tooLarge(bytes.byteLength) };
  return parseDecoded(decode(bytes), file);
}

/** The record of text already decoded from a file's bytes. */
function parseDecoded({ text, invalid }: { text: string; invalid: boolean }, file: FoundFile): ParseResult {
  const result = parseMeeting(text, file.source);
  if (isFailed(result)) return result;
  const record = withSeries(result, file.seriesFromPath);
  if (invalid) record.warnings.unshift({ line: null, message: 'file is not valid UTF-8: invalid bytes were replaced with U+FFFD' });
  return record;
}

/** Read and parse one file as `parseBytes` does; an oversized file is refused before it is read. */
export function readMinutes(file: FoundFile): ParseResult {
  try {
    const size = statSync(file.source).size;
    return size > MAX_FILE_BYTES ? { source: file.source, error: tooLarge(size) } : parseBytes(readFileSync(file.source), file);
  } catch (error) {
    return { source: file.source, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Import one markdown text under a source name: parse it, and store it in one
 * transaction unless its content hash is already stored. Never throws for bad
 * input: a failure is returned with its reason, and the database is unchanged.
 */
export function importText(db: DB, bytes: Uint8Array, file: FoundFile): FileOutcome {
  const { source } = file;
  try {
    const hash = contentHash(bytes);
    const stored = storedMeeting(db, source);
    if (stored?.contentHash === hash) return { source, outcome: 'unchanged', meetingId: stored.id, series: [] };
    if (bytes.byteLength > MAX_FILE_BYTES) return { source, outcome: 'failed', error: tooLarge(bytes.byteLength) };
    const decoded = decode(bytes);
    const record = parseDecoded(decoded, file);
    if (isFailed(record)) return { source, outcome: 'failed', error: record.error };
    const { outcome, id, series } = writeMeeting(db, { record, contentHash: hash, body: decoded.text });
    return { source, outcome, meetingId: id, series };
  } catch (error) {
    return { source, outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Import files and folders. Each file is its own transaction, so one bad file
 * leaves the others imported. `onFile` reports progress after every file.
 */
export function importPaths(
  db: DB,
  paths: string[],
  onFile: (done: number, total: number, result: FileOutcome) => void = () => {},
): ImportSummary {
  const files = findMarkdownFiles(paths);
  const summary: ImportSummary = { imported: 0, replaced: 0, unchanged: 0, failed: [], unknownOwners: [] };
  const written: number[] = [];
  const touched = new Set<string | null>();
  files.forEach((file, i) => {
    let result: FileOutcome;
    try {
      // Refuse an oversized file before reading it into memory.
      const size = statSync(file.source).size;
      result = size > MAX_FILE_BYTES ? { source: file.source, outcome: 'failed', error: tooLarge(size) } : importText(db, readFileSync(file.source), file);
    } catch (error) {
      result = { source: file.source, outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    if (result.outcome === 'failed') summary.failed.push({ source: result.source, error: result.error });
    else summary[result.outcome]++;
    if (result.outcome === 'imported' || result.outcome === 'replaced') {
      written.push(result.meetingId);
      for (const s of result.series) touched.add(s);
    }
    onFile(i + 1, files.length, result);
  });
  // Linked and checked after the whole batch, so that the order of files does not matter;
  // series left unlinked by an import that was killed before this point are linked too.
  for (const series of new Set([...touched, ...unlinkedSeries(db)])) relinkSeries(db, series);
  summary.unknownOwners = unknownOwners(db, written);
  return summary;
}
