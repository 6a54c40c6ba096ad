import { beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.js';
import { importPaths } from '../src/import/import-files.js';
import type { DB } from '../src/store/database.js';
import { search } from '../src/store/search.js';
import { setLiveWindow } from '../src/store/settings.js';
import { digest, listTrackedItems } from '../src/store/tracked-items.js';
import { checkWindowValue, DEFAULT_WINDOW, isOverdue, itemState, liveSince } from '../src/track/item-states.js';
import { useKnowledgeBase } from './helpers.js';

const weekly = ['2024-01-04', '2024-01-11', '2024-01-18', '2024-01-25', '2024-02-01'];

describe('the live window', () => {
  it('keeps an item live while one of the last N meetings of its series or the last D days mention it', () => {
    // Weekly: the third-latest meeting is older than 60 days back? No: the days reach further.
    expect(liveSince(weekly, { meetings: 3, days: 60 }, '2024-02-01')).toBe('2023-12-03');
    expect(liveSince(weekly, { meetings: 3, days: 7 }, '2024-02-01')).toBe('2024-01-18');
    // Meetings after the day judged on do not count.
    expect(liveSince(weekly, { meetings: 2, days: 1 }, '2024-01-18')).toBe('2024-01-11');
  });

  it('keeps nothing live by its last meetings once a series has stopped meeting', () => {
    // Two years after the last weekly meeting, only the days count.
    expect(liveSince(weekly, { meetings: 3, days: 60 }, '2026-02-01')).toBe('2025-12-03');
    // A monthly series silent for two months has missed two meetings, not three: still meeting.
    const monthly = ['2024-01-10', '2024-02-10', '2024-03-10', '2024-04-10'];
    expect(liveSince(monthly, { meetings: 3, days: 30 }, '2024-06-10')).toBe('2024-02-10');
    expect(liveSince(monthly, { meetings: 3, days: 30 }, '2024-09-10')).toBe('2024-08-11');
  });

  it('says live, stale, done or dropped, and overdue for an open item past its due date', () => {
    expect(itemState('open', '2024-01-18', '2024-01-18')).toBe('live');
    expect(itemState('open', '2024-01-11', '2024-01-18')).toBe('stale');
    expect(itemState('open', null, '2024-01-18')).toBe('stale');
    expect(itemState('done', '2020-01-01', '2024-01-18')).toBe('done');
    expect(isOverdue('open', '2024-01-10', '2024-01-18')).toBe(true);
    expect(isOverdue('open', '2024-01-18', '2024-01-18')).toBe(false);
    expect(isOverdue('done', '2024-01-10', '2024-01-18')).toBe(false);
  });

  it('takes only whole numbers in range, with an error naming the setting', () => {
    expect(checkWindowValue('meetings', '4')).toBe(4);
    expect(checkWindowValue('days', 90)).toBe(90);
    for (const bad of ['0', '-1', '2.5', 'many', '', '101', 1e9, Number.NaN])
      expect(() => checkWindowValue('meetings', bad)).toThrow(/live meetings/);
    expect(() => checkWindowValue('days', '3651')).toThrow(/live days: expected a whole number from 1 to 3650/);
  });
});

describe('states of the demo series', () => {
  const kb = useKnowledgeBase();
  let db: DB;
  beforeEach(() => {
    db = kb().db;
    importPaths(db, [kb().minutes]);
  });

  it('judges on the day of the newest meeting by default, and on the day given', () => {
    const page = listTrackedItems(db, { limit: -1 });
    expect(page.today).toBe('2024-09-30');
    expect(page.window).toEqual(DEFAULT_WINDOW);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.state === 'live' && i.series === 'demo-weekly')).toBe(true);
    // The product board met once, on 2024-07-15, 77 days before: its open items are stale.
    const board = listTrackedItems(db, { series: 'product-board', state: 'all', limit: -1 }).items;
    expect(board.length).toBeGreaterThan(0);
    expect(page.staleLeftOut).toBe(board.length);
    expect(board.every((i) => i.state === 'stale')).toBe(true);
    // A year on, every open item is stale: the list is empty and says how many it left out.
    const later = listTrackedItems(db, { today: '2025-10-01', limit: -1 });
    expect(later.items).toEqual([]);
    expect(later.staleLeftOut).toBe(page.total + page.staleLeftOut);
    const stale = listTrackedItems(db, { today: '2025-10-01', state: 'stale', limit: -1 });
    expect(stale.total).toBe(later.staleLeftOut);
    expect(stale.items.every((i) => i.state === 'stale')).toBe(true);
    expect(() => listTrackedItems(db, { today: '2024-02-30' })).toThrow(/today/);
  });

  it('puts overdue items first, and a window set for the knowledge base holds for every list', () => {
    const onDue = listTrackedItems(db, { today: '2024-10-05', limit: -1 });
    const overdue = onDue.items.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(onDue.items.slice(0, overdue.length)).toEqual(overdue);
    expect(listTrackedItems(db, { today: '2024-10-05', state: 'overdue', limit: -1 }).items).toEqual(overdue);
    // One meeting and one day: only items the 2024-09-30 meeting mentioned stay live.
    setLiveWindow(db, { meetings: 1, days: 1 });
    const narrow = listTrackedItems(db, { state: 'all', limit: -1 }).items;
    for (const item of narrow) expect(item.state).toBe(item.lastMentioned === '2024-09-30' ? 'live' : 'stale');
    expect(digest(db, 'demo-weekly', '2024-09-30').open).toMatchObject({
      live: narrow.filter((i) => i.state === 'live' && i.series === 'demo-weekly').length,
    });
    expect(() => setLiveWindow(db, { days: 0 })).toThrow(/live days/);
  });

  it('finds the mentions of live, stale and overdue items in search with is:, counting the items', () => {
    for (const state of ['live', 'stale'] as const) {
      const items = listTrackedItems(db, { state, limit: -1 });
      const found = search(db, { q: `is:${state}`, limit: 1000 });
      expect(found.query.filters).toMatchObject({ state });
      expect(found.facets.status, state).toEqual([{ value: 'open', count: items.total }]);
      expect(new Set(found.items.map((h) => h.itemId))).toEqual(new Set(items.items.map((i) => i.id)));
    }
  });

  it('says over the API what state each item is in, and refuses bad windows', async () => {
    const app = await buildServer({ db, logger: false });
    const get = async (url: string) => app.inject({ method: 'GET', url });
    const later = (await get('/api/action-items?today=2025-10-01')).json();
    expect(later).toMatchObject({ total: 0, today: '2025-10-01', note: expect.stringMatching(/stale=true/) });
    const all = (await get('/api/action-items?today=2025-10-01&stale=true&limit=1000')).json();
    expect(all.total).toBe(later.staleLeftOut);
    expect(all.items.every((i: { state: string; task: string }) => i.state === 'stale' && i.task.length > 0)).toBe(
      true,
    );
    for (const url of [
      '/api/action-items?live_days=0',
      '/api/action-items?live_meetings=101',
      '/api/action-items?state=old',
      '/api/action-items?stale=yes',
      '/api/action-items?stale=true&state=live',
      '/api/action-items?today=2025-02-30',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().message, url).toMatch(/live_days|live_meetings|state|stale|today/);
    }
    const csv = await get('/api/action-items.csv?today=2025-10-01');
    expect(csv.headers['x-stale-left-out']).toBe(String(later.staleLeftOut));
    await app.close();
  });
});
