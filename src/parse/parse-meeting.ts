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

/**
 * Markdown text of one meeting to its record, or to `{ source, error }` when the
 * text is no minutes at all (empty, binary). Pure: the caller reads the file.
 */
export function parseMeeting(text: string, source: string): ParseResult {
  if (text.trim() === '') return { source, error: 'empty file: no minutes to read' };
  if (text.includes('\u0000')) return { source, error: 'binary data (NUL bytes): not a markdown file' };
  try {
    return extractMeeting(parseMarkdown(frontMatterFirst(text)), source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { source, error: `could not parse the markdown: ${reason}` };
  }
}
