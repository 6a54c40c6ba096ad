import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isFailed, type MeetingRecord, type ParseResult } from '../parse/meeting-record.js';
import { parseMeeting } from '../parse/parse-meeting.js';
import type { FoundFile } from './find-files.js';

/**
 * Files larger than this are refused: minutes are small, and a huge file is a mistake. `MINUTES_MAX_BYTES` changes it.
 */
export const MAX_FILE_BYTES =
  Number(process.env.MINUTES_MAX_BYTES) > 0 ? Number(process.env.MINUTES_MAX_BYTES) : 5 * 1024 * 1024;

export function tooLarge(bytes: number): string {
  return `file is ${bytes} bytes, over the ${MAX_FILE_BYTES}-byte limit`;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes to text; invalid UTF-8 becomes U+FFFD rather than failing the file. */
function decode(bytes: Uint8Array): { text: string; invalid: boolean } {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  return { text, invalid: text.includes('\uFFFD') };
}

/** Series rule: front matter `series:` first, else the folder the file's place gives. */
function withSeries(record: MeetingRecord, seriesFromPath: string | null): MeetingRecord {
  return { ...record, series: record.series ?? seriesFromPath };
}

/** A file's record and the text it was read from (what the store keeps as the meeting's body). */
export interface ParsedFile {
  record: ParseResult;
  text: string;
}

/**
 * Bytes of a file to its record, as every command reads minutes: UTF-8 with replacement (and a
 * warning), the parser, and the series its place implies. The caller has checked the size.
 */
export function parseFile(bytes: Uint8Array, file: FoundFile): ParsedFile {
  const { text, invalid } = decode(bytes);
  let result: ParseResult;
  try {
    result = parseMeeting(text, file.source);
  } catch (error) {
    // parseMeeting reports bad minutes as a failed record; this would be a bug in it, kept to one file.
    result = { source: file.source, error: error instanceof Error ? error.message : String(error) };
  }
  if (isFailed(result)) return { record: result, text };
  const record = withSeries(result, file.seriesFromPath);
  if (invalid)
    record.warnings.unshift({
      line: null,
      message: 'file is not valid UTF-8: invalid bytes were replaced with U+FFFD',
    });
  return { record, text };
}

/**
 * A file's bytes; an oversized file is refused (throws) before it is read into memory. A device or a
 * pipe has no size to check (`/dev/zero` says 0 and never ends): it is read up to the limit and no further.
 */
export function readBytes(file: FoundFile): Uint8Array {
  const stat = statSync(file.source);
  if (stat.size > MAX_FILE_BYTES) throw new Error(tooLarge(stat.size));
  if (stat.isFile()) return readFileSync(file.source);
  const fd = openSync(file.source, 'r');
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_FILE_BYTES)
      throw new Error(`more than ${MAX_FILE_BYTES} bytes, over the limit (not a regular file: read up to it)`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Read and parse one file; an oversized file is refused before it is read. */
export function readMinutes(file: FoundFile): ParseResult {
  try {
    return parseFile(readBytes(file), file).record;
  } catch (error) {
    return { source: file.source, error: error instanceof Error ? error.message : String(error) };
  }
}
