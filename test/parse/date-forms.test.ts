import { describe, expect, it } from 'vitest';
import { parseMeeting } from '../../src/parse/parse-meeting.js';

/** The date of minutes written in a text and kept at a path, or null. */
function dateOf(text: string, path: string): string | null {
  const record = parseMeeting(text, path);
  return 'date' in record ? record.date : null;
}

// Forms of dates that teams write, in the text and in file and folder names.
describe('dates in the forms teams write them', () => {
  it.each([
    ['# Meeting notes – 3rd March 2023\n\nText', 'x/notes.md', '2023-03-03'],
    ['## Wednesday, 12 April 2023\n\nText', 'x/notes.md', '2023-04-12'],
    ['# Sync\n\nDate: 2023-03-03T15:00Z\n', 'x/notes.md', '2023-03-03'],
    ['# Sync\n\n**Date**: Mar 3, 2023\n', 'x/notes.md', '2023-03-03'],
    ['# Sync 2023.03.03\n', 'x/notes.md', '2023-03-03'],
    ['# Thursday 2nd of February 2023\n', 'x/notes.md', '2023-02-02'],
    ['# Team meeting (March 3rd, 2023)\n', 'x/notes.md', '2023-03-03'],
    ['# Team meeting\n\nMeeting date: Friday, March 3, 2023 at 10:00 AM PST\n', 'x/notes.md', '2023-03-03'],
    ['---\ntitle: Weekly\ndate: "March 3, 2023"\n---\n# Weekly\n', 'x/notes.md', '2023-03-03'],
    ['# Weekly — 25/03/2023\n', 'x/notes.md', '2023-03-25'],
    ['# Weekly — 03/25/2023\n', 'x/notes.md', '2023-03-25'],
    ['# Weekly sync, 14.03.2023\n', 'x/notes.md', '2023-03-14'],
    ['# Minutes of the meeting held on 14 March 2023\n', 'x/notes.md', '2023-03-14'],
    ['# Weekly\n\nHeld: 2023-03-14 16:00-17:00 CET\n', 'x/notes.md', '2023-03-14'],
    ['# Weekly\n\ntext', 'x/meeting-2023-03-03.md', '2023-03-03'],
    ['# Weekly\n\ntext', 'x/2023_03_03.md', '2023-03-03'],
    ['# Weekly\n\ntext', 'x/2023/03/03.md', '2023-03-03'],
    ['# Weekly', 'x/Mar-14-2023.md', '2023-03-14'],
    ['# Weekly', 'x/2023-Mar-14.md', '2023-03-14'],
    ['# Weekly', 'x/march-14-2023.md', '2023-03-14'],
    ['# Weekly', 'x/14-03-2023.md', '2023-03-14'],
  ])('%j at %s -> %s', (text, path, date) => {
    expect(dateOf(text, path)).toBe(date);
  });

  it('leaves a day and month it cannot tell apart undecided, and reads no version number as a date', () => {
    expect(dateOf('# Weekly — 03/04/2023\n', 'x/notes.md')).toBeNull();
    expect(dateOf('# Weekly\n\nWe upgraded to 1.2023.03.04 of the chart.\n', 'x/notes.md')).toBeNull();
  });
});
