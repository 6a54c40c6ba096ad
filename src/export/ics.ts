import ICAL from 'ical.js';
import type { TrackedItem } from '../store/tracked-items.js';

export interface CalendarOptions {
  /** When the calendar is made (DTSTAMP); a parameter so that tests can fix it. */
  now?: Date;
  /** Base URL of the web page, for each to-do's URL; none when unknown. */
  baseUrl?: string;
  /** The name a calendar app shows for the calendar. */
  name?: string;
}

// ical.js folds lines at foldLength octets and then puts a space before the rest: 74 keeps every
// line, the space included, within the 75 octets RFC 5545 (3.1) allows.
ICAL.foldLength = 74;

/** A date as an iCalendar DATE value (no time: a due day, not an instant). */
function dateValue(date: string): ICAL.Time {
  return ICAL.Time.fromDateString(date);
}

/**
 * Text for a property value: ical.js escapes a line feed but writes a carriage return as it is, which
 * would end the line early in a calendar app; so every line break becomes a line feed and every other
 * control character goes ("series: \"a\\rX-CR:1\"" in front matter cannot add a property).
 */
function text(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function todo(item: TrackedItem, stamp: ICAL.Time, baseUrl: string | undefined): ICAL.Component {
  const vtodo = new ICAL.Component('vtodo');
  vtodo.addPropertyWithValue('uid', `${item.id}@minutes-kb`);
  vtodo.addPropertyWithValue('dtstamp', stamp);
  vtodo.addPropertyWithValue('summary', text(item.task || item.text));
  // DUE must come after DTSTART (RFC 5545, 3.8.2.3): an item due the day it was raised has no start.
  if (item.firstRaised && item.firstRaised < item.due!)
    vtodo.addPropertyWithValue('dtstart', dateValue(item.firstRaised));
  vtodo.addPropertyWithValue('due', dateValue(item.due!));
  vtodo.addPropertyWithValue(
    'status',
    item.status === 'open' ? 'NEEDS-ACTION' : item.status === 'done' ? 'COMPLETED' : 'CANCELLED',
  );
  const owners = item.owners.length > 0 ? item.owners.map((o) => `@${o}`).join(', ') : 'no owner';
  const state = item.overdue ? `${item.state}, overdue` : item.state;
  vtodo.addPropertyWithValue(
    'description',
    text(
      `${owners} (${state}). Raised ${item.firstRaised ?? 'on an unknown date'} in ${item.source}:${item.line}` +
        (item.meetings > 1 ? `, last mentioned ${item.lastMentioned} (${item.meetings} meetings).` : '.'),
    ),
  );
  if (item.series) vtodo.addPropertyWithValue('categories', text(item.series));
  if (baseUrl) vtodo.addPropertyWithValue('url', text(`${baseUrl}/items/${item.id}`).replace(/\n/g, ''));
  return vtodo;
}

/**
 * Action items with a due date as an iCalendar (RFC 5545) file of VTODOs, so that a calendar
 * or task app shows them on their due day. Items without a due date have no place in a calendar
 * and are left out; so, when no item has one, the calendar has no to-do at all (calendar apps
 * take that as an empty calendar, though the grammar asks for one component).
 * ical.js writes the text: escaping, CRLF line ends and 75-octet folding.
 */
export function toCalendar(items: TrackedItem[], options: CalendarOptions = {}): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', '-//minutes-kb//open action items//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('x-wr-calname', text(options.name ?? 'minutes-kb action items'));
  const stamp = ICAL.Time.fromJSDate(options.now ?? new Date(), true);
  for (const item of items) if (item.due) calendar.addSubcomponent(todo(item, stamp, options.baseUrl));
  return `${calendar.toString()}\r\n`;
}
