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

/**
 * How deeply a line's start nests containers, as CommonMark reads it: each `>` and each list marker
 * opens one, and indentation (tabs to the next multiple of 4) nests a list one level per 2 columns.
 */
export function containerDepth(line: string): number {
  let depth = 0;
  let column = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    let marker = 0;
    if (c === ' ') column++;
    else if (c === '\t') column += 4 - (column % 4);
    else if (c === '>') marker = 1;
    else if ((c === '-' || c === '*' || c === '+') && /^[ \t]|^$/.test(line.slice(i + 1, i + 2))) marker = 1;
    else marker = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11))?.[0].length ?? -1;
    if (marker < 0) break;
    if (marker > 0) {
      depth++;
      // The marker's own space belongs to it, not to the indentation of what it holds.
      i += marker - 1 + (line[i + marker] === ' ' ? 1 : 0);
    }
  }
  return depth + Math.floor(column / 2);
}

/** The first line nested deeper than MAX_NESTING containers, if any. */
function tooDeep(text: string): number | null {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (containerDepth(text.slice(start, end)) > MAX_NESTING) return line;
    start = end + 1;
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
  if (deep !== null)
    return { source, error: `line ${deep} is nested more than ${MAX_NESTING} levels deep: not minutes` };
  try {
    return extractMeeting(parseMarkdown(frontMatterFirst(text)), source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { source, error: `could not parse the markdown: ${reason}` };
  }
}
