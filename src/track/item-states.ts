/**
 * Whether an open action item is still followed. Nobody closes old items by hand in minutes: an
 * item that no meeting of its series mentions any more is not open in any useful sense. It is
 * live while mentioned in one of the last `meetings` meetings of its series or within `days`
 * days; otherwise stale (a later mention makes it live again). Overdue is an open item, live or
 * stale, past its due date.
 *
 * Defaults from the shared corpus: of the 201 times an item was mentioned again, 94% came at the
 * next meeting of its series, 99.5% within 2 meetings and all within 3; 84% within 14 days, all
 * within 45. So 3 meetings or 60 days keep every item that a series was still carrying.
 */

export type ItemState = 'live' | 'stale' | 'done' | 'dropped';
/** What a list keeps: live (the default), stale, overdue (live or stale), or every item. */
export type StateFilter = 'live' | 'stale' | 'overdue' | 'all';
export const STATE_FILTERS: readonly StateFilter[] = ['live', 'stale', 'overdue', 'all'];

export interface LiveWindow {
  meetings: number;
  days: number;
}

export const DEFAULT_WINDOW: LiveWindow = { meetings: 3, days: 60 };
export const WINDOW_LIMITS = { meetings: { min: 1, max: 100 }, days: { min: 1, max: 3650 } } as const;

/** A window setting checked: a whole number in its range, or an error naming the setting. */
export function checkWindowValue(name: keyof LiveWindow, value: unknown): number {
  const { min, max } = WINDOW_LIMITS[name];
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`live ${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** A real day written YYYY-MM-DD (not 2024-02-30). */
export const isIsoDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) &&
  !Number.isNaN(Date.parse(text)) &&
  new Date(text).toISOString().slice(0, 10) === text;

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * For one series, given its meeting dates (any order), the first date from which a mention keeps
 * an item live on `today`. A series that has been silent for longer than `meetings` of its usual
 * intervals (and longer than `days`) has stopped meeting: its last meetings keep nothing live.
 */
export function liveSince(dates: string[], window: LiveWindow, today: string): string {
  const byDays = addDays(today, -window.days);
  const held = [...new Set(dates.filter((d) => d <= today))].sort();
  if (held.length === 0) return byDays;
  const newest = held[held.length - 1]!;
  const gaps = held.slice(1).map((d, i) => daysFrom(held[i]!, d));
  const stopped = daysFrom(newest, today) > Math.max(window.days, window.meetings * median(gaps));
  if (stopped) return byDays;
  const nth = held[Math.max(0, held.length - window.meetings)]!;
  return nth < byDays ? nth : byDays;
}

/** The state of an item, given the date from which mentions of its series keep it live. */
export function itemState(status: 'open' | 'done' | 'dropped', lastMentioned: string | null, since: string): ItemState {
  if (status !== 'open') return status;
  return lastMentioned !== null && lastMentioned >= since ? 'live' : 'stale';
}

export const isOverdue = (status: string, due: string | null, today: string) =>
  status === 'open' && due !== null && due < today;
