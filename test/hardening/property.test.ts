import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFailed } from '../../src/parse/meeting-record.js';
import { parseMeeting } from '../../src/parse/parse-meeting.js';

/** Pieces of minutes-like markdown, so that random documents exercise the recognisers, not only the tokenizer. */
const piece = fc.oneof(
  fc.constantFrom(
    '# 2024-07-15',
    '## Participants',
    '## Agenda',
    '### Topic (@a, @b)',
    '## Check AIs from last time',
    '## Action items',
    '## Decisions',
    '- AI @x: do it',
    '  - DONE',
    '- (AI: POs)',
    '- TODO: later',
    '- [ ] @y task by Friday',
    '- [x] done thing',
    '- ~~AI @z: old~~',
    'Decision: yes',
    '| Action | Owner |',
    '|---|---|',
    '| a | @b |',
    '---',
    '```',
    '> quote',
    '1. first',
    '    indented',
    '<br>',
    '---\ntitle: x\n---',
    '* * *',
    '_AI @q: italic_',
    'Participants: @a, @b',
    'end of July',
    '\t- tab',
    '',
    ' ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const documents = fc
  .array(
    fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(' ')),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

describe('the parser on random markdown', () => {
  it('never throws, and every line number lies inside the file', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const result = parseMeeting(text, 'random/20240715.md');
        if (isFailed(result)) return result.error.length > 0;
        const lines = text.split(/\r\n|\r|\n/).length; // CommonMark's line endings: a lone CR ends a line too
        const inside = (line: number | null) => line === null || (Number.isInteger(line) && line >= 1 && line <= lines);
        return [
          ...result.agenda,
          ...result.actionItems,
          ...result.decisions,
          ...result.links,
          ...result.warnings,
        ].every((item) => inside(item.line));
      }),
      { numRuns: 400 },
    );
  });

  it('gives a record or a clear error for any bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = parseMeeting(new TextDecoder().decode(bytes), 'bytes.md');
        expect(result.source).toBe('bytes.md');
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
