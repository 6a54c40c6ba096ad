import { extractMeeting } from './extract-meeting.js';
import { parseMarkdown } from './markdown.js';
import type { ParseResult } from './meeting-record.js';

/**
 * Front matter must open the file; some editors leave blank lines above it. Move
 * them inside the YAML block, so it is recognised and every later line keeps its number.
 */
export function frontMatterFirst(text: string): string {
  const match = /^((?:[ \t]*\r?\n)+)(---\r?\n)/.exec(text);
  return match ? `${match[2]}${match[1]}${text.slice(match[0].length)}` : text;
}

/** Minutes nest a few levels; thousands of levels are an attack or an accident, and cost the parser dearly. */
export const MAX_NESTING = 100;

/** The first line nested deeper than MAX_NESTING (by `>` / bullet markers or by indentation), if any. */
function tooDeep(text: string): number | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const markers = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/.exec(line)?.[0].replace(/[^>*+\-.)]/g, '').length ?? 0;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (markers > MAX_NESTING || indent > 2 * MAX_NESTING) return i + 1;
  }
  return null;
}

/**
 * Markdown text of one meeting to its record, or to `{ source, error }` when the
 * text is no minutes at all (empty, binary). Pure: the caller reads the file.
 */
export function parseMeeting(text: string, source: string): ParseResult {
  if (text.trim() === '') return { source, error: 'empty file: no minutes to read' };
  if (text.includes('\u0000')) return { source, error: 'binary data (NUL bytes): not a markdown file' };
  const deep = tooDeep(text);
  if (deep !== null) return { source, error: `line ${deep} is nested more than ${MAX_NESTING} levels deep: not minutes` };
  try {
    return extractMeeting(parseMarkdown(frontMatterFirst(text)), source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { source, error: `could not parse the markdown: ${reason}` };
  }
}
