import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toCalendar } from '../../src/export/ics.js';
import type { TrackedItem } from '../../src/store/tracked-items.js';

const item: TrackedItem = {
  id: 'ai-1',
  series: 'a\rX-CR:1',
  text: 'AI @kurt: Send the slides\r\nX-INJECTED:1\rand the notes',
  task: 'Send the slides\r\nX-INJECTED:1\rand the notes',
  owners: ['kurt'],
  status: 'open',
  state: 'live',
  overdue: false,
  due: '2024-07-20',
  firstRaised: '2024-07-15',
  lastMentioned: '2024-07-15',
  meetings: 1,
  meetingId: 1,
  source: 'team/20240715.md',
  line: 3,
  lastMeetingId: 1,
  lastSource: 'team/20240715.md',
  lastLine: 3,
};

describe('calendar export', () => {
  it('writes no raw carriage return from a series or a task, so no text can start a property of its own', () => {
    const text = toCalendar([item], { now: new Date('2024-07-16T00:00:00Z'), baseUrl: 'http://h\r\nX-HOST:1' });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n').some((line) => /^X-(?:CR|INJECTED|HOST)/.test(line))).toBe(false);
    const todo = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtodo')!;
    expect(todo.getFirstPropertyValue('summary')).toBe('Send the slides\nX-INJECTED:1\nand the notes');
    expect(todo.getFirstPropertyValue('categories')).toBe('a\nX-CR:1');
  });
});
