import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { importPathsInParallel } from '../../src/import/import-files.js';
import { INLINE_MAX_BYTES, ParsePool, parseBudgetMs } from '../../src/import/parse-pool.js';
import { openDatabase } from '../../src/store/database.js';
import { LIBRARY_ADVERSARIAL } from '../../bench/adversarial-inputs.js';
import { tempDir } from '../helpers.js';

/**
 * micromark itself is super-linear on emphasis markers without their closers: 100 KB of them
 * takes a minute or more here, so each of these parses must be stopped by its budget.
 */
const SLOW = LIBRARY_ADVERSARIAL['emphasis openers (a*a*a*...)']!(100_000);
const GOOD = '# Weekly 2024-07-15\n\n## Action items\n\n- AI @anna: write the release notes\n';
const BUDGET_MS = 1_000;
const { dir, remove } = tempDir();
afterAll(remove);

describe('a time budget for every parse', () => {
  it('a pool answers a file over its budget as failed, replaces its worker, and parses the files queued behind it', async () => {
    const pool = new ParsePool(1, BUDGET_MS);
    try {
      const encode = (text: string) => new TextEncoder().encode(text);
      const [slow, good] = await Promise.all([
        pool.parse({ source: 'slow.md', seriesFromPath: null }, encode(SLOW)),
        pool.parse({ source: 'good.md', seriesFromPath: null }, encode(GOOD)),
      ]);
      expect(slow?.record).toEqual({ source: 'slow.md', error: expect.stringMatching(/took longer than 1 s/) });
      expect(good?.record).toMatchObject({ source: 'good.md', actionItems: [{ owners: ['anna'] }] });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('refuses, within the budget, each input on which the markdown libraries are super-linear', async () => {
    const pool = new ParsePool(1, BUDGET_MS);
    try {
      const names = Object.keys(LIBRARY_ADVERSARIAL);
      // Sizes at which each took 45 s or more on its own (issue #18).
      const sizes: Record<string, number> = { emphasis: 100_000, headings: 240_000, front: 720_000 };
      const parsed = await Promise.all(
        names.map((name) => {
          const bytes = new TextEncoder().encode(LIBRARY_ADVERSARIAL[name]!(sizes[name.split(' ')[0]!]!));
          return pool.parse({ source: `${name}.md`, seriesFromPath: null }, bytes);
        }),
      );
      for (const result of parsed)
        expect(result?.record).toMatchObject({ error: expect.stringMatching(/took longer than 1 s/) });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('an import fails the file that outlasts its budget with that reason, and the batch goes on', async () => {
    expect(SLOW.length).toBeGreaterThan(INLINE_MAX_BYTES); // else it would be parsed on the importing thread
    writeFileSync(join(dir, '20240715.md'), SLOW);
    writeFileSync(join(dir, '20240722.md'), GOOD);
    const db = openDatabase(join(dir, 'import.db'));
    try {
      const summary = await importPathsInParallel(db, [dir], { workers: 0, budgetMs: BUDGET_MS });
      expect(summary).toMatchObject({
        imported: 1,
        failed: [{ source: join(dir, '20240715.md'), error: expect.stringMatching(/took longer than/) }],
      });
      const sources = db.prepare('SELECT source FROM meetings').pluck().all();
      expect(sources).toEqual([join(dir, '20240722.md')]);
    } finally {
      db.close();
    }
  }, 60_000);

  it('the server answers 422 for posted minutes over the budget, and answers other requests meanwhile', async () => {
    const db = openDatabase(join(dir, 'server.db'));
    const app = await buildServer({ db, token: 't', parseBudgetMs: BUDGET_MS });
    try {
      const order: string[] = [];
      const post = app
        .inject({
          method: 'POST',
          url: '/api/meetings?source=team/20240715.md',
          headers: { authorization: 'Bearer t', 'content-type': 'text/markdown' },
          payload: SLOW,
        })
        .then((r) => (order.push('post'), r));
      await new Promise((resolve) => setTimeout(resolve, 200)); // the post is being parsed
      const status = await app.inject({ method: 'GET', url: '/api/status' }).then((r) => (order.push('status'), r));
      const posted = await post;
      expect(status.statusCode).toBe(200);
      expect(order).toEqual(['status', 'post']);
      expect(posted.statusCode).toBe(422);
      expect(posted.json().message).toMatch(/team\/20240715\.md: parsing took longer than 1 s/);
      expect(status.json().meetings).toBe(0);
      expect(db.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(0);
    } finally {
      await app.close();
      db.close();
    }
  }, 60_000);

  it('takes its budget from MINUTES_PARSE_BUDGET, in seconds, and refuses a value that is no number', () => {
    expect(parseBudgetMs({})).toBe(10_000);
    expect(parseBudgetMs({ MINUTES_PARSE_BUDGET: '2.5' })).toBe(2_500);
    expect(parseBudgetMs({ MINUTES_PARSE_BUDGET: '0' })).toBe(0);
    expect(() => parseBudgetMs({ MINUTES_PARSE_BUDGET: 'soon' })).toThrow(
      /MINUTES_PARSE_BUDGET must be a number of seconds/,
    );
    expect(() => parseBudgetMs({ MINUTES_PARSE_BUDGET: '-1' })).toThrow(/MINUTES_PARSE_BUDGET/);
  });
});
