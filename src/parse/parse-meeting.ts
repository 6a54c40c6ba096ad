import { extractMeeting } from './extract-meeting.js';
import { parseMarkdown } from './markdown.js';
import type { ParseResult } from './meeting-record.js';

/**
 * Markdown text of one meeting to its record, or to `{ source, error }` when the
 * text is no minutes at all (empty, binary). Pure: the caller reads the file.
 */
export function parseMeeting(text: string, source: string): ParseResult {
  if (text.trim() === '') return { source, error: 'empty file: no minutes to read' };
  if (text.includes('\u0000')) return { source, error: 'binary data (NUL bytes): not a markdown file' };
  try {
    return extractMeeting(parseMarkdown(text), source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { source, error: `could not parse the markdown: ${reason}` };
  }
}
