import { checkWindowValue, DEFAULT_WINDOW, type LiveWindow } from '../track/item-states.js';
import type { DB } from './database.js';
import { statement } from './statements.js';

/** The live window of this knowledge base: its settings, else the defaults. */
export function liveWindow(db: DB): LiveWindow {
  const rows = statement<[], { key: string; value: string }>(
    db,
    "SELECT key, value FROM settings WHERE key IN ('live_meetings', 'live_days')",
  ).all();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return {
    meetings: stored.has('live_meetings')
      ? checkWindowValue('meetings', stored.get('live_meetings'))
      : DEFAULT_WINDOW.meetings,
    days: stored.has('live_days') ? checkWindowValue('days', stored.get('live_days')) : DEFAULT_WINDOW.days,
  };
}

/** Store the live window (either part); values are checked first. */
export function setLiveWindow(db: DB, window: Partial<LiveWindow>): LiveWindow {
  const set = statement(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  if (window.meetings !== undefined) set.run('live_meetings', String(checkWindowValue('meetings', window.meetings)));
  if (window.days !== undefined) set.run('live_days', String(checkWindowValue('days', window.days)));
  return liveWindow(db);
}
