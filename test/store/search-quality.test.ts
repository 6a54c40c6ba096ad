import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { search } from '../../src/store/search.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

/** Search over the IAM team's real minutes: questions, word forms, misspellings, what a hit shows. */
describe.skipIf(!HAS_CORPUS)('searching the IAM minutes as a person asks', () => {
  let db: DB;
  beforeAll(() => {
    db = openDatabase(':memory:');
    importPaths(db, [join(CORPUS, 'iam')]);
  }, 120_000);
  afterAll(() => db.close());

  it('answers the mission question with the decision of April 2023, and says how it read it', () => {
    const result = search(db, { q: 'what did we decide about keycloak last spring?', today: '2024-01-15', limit: 10 });
    expect(result.query.reading.text).toBe('decisions · about: keycloak · Mar 1 – May 31 2023');
    expect(result.items.every((h) => h.type === 'decision' && h.date! >= '2023-03-01' && h.date! <= '2023-05-31')).toBe(
      true,
    );
    expect(result.items.some((h) => h.source.endsWith('scs/iam/20230419.md') && h.line === 25)).toBe(true);
    const undo = result.query.reading.parts.find((p) => p.kind === 'type')!.undo;
    expect(search(db, { q: undo, today: '2024-01-15' }).query.reading.text).not.toMatch(/^decisions/);
  });

  it('finds word forms alike', () => {
    const [one, many] = ['keycloak', 'keycloaks'].map((q) => search(db, { q, limit: 5 }));
    expect(many!.total).toBe(one!.total);
    expect(search(db, { q: 'deciding keycloak' }).total).toBe(search(db, { q: 'decided keycloak' }).total);
  });

  it('corrects a word the index does not have from its own vocabulary', () => {
    const result = search(db, { q: 'keycolak federation' });
    expect(result.query.reading.corrected).toEqual([{ word: 'keycolak', suggestion: 'keycloak' }]);
    expect(result.query.reading.suggestion).toBe('keycloak federation');
    expect(result.total).toBeGreaterThan(0);
  });

  it('goes on with any of the words when no document has them all, and says so', () => {
    const result = search(db, { q: 'keycloak qqxxzzyy' });
    expect(result.query.reading.matched).toBe('any');
    expect(result.total).toBe(search(db, { q: 'keycloak' }).total);
  });

  it('shows meetings by title, series and date, and snippets without markdown', () => {
    const { items } = search(db, { q: 'keycloak', type: 'meeting', limit: 50 });
    expect(items.length).toBeGreaterThan(5);
    for (const hit of items) {
      expect(hit.heading).not.toMatch(/\.md|\.\.\//);
      expect(hit.heading).toContain(hit.date!);
      expect(hit.snippet).not.toMatch(/^#|\s#{2,}\s|<!--|<font|\]\(|git_sha|^- /);
      expect(hit.snippet).toContain('«');
    }
  });

  it('gives an item its agenda topic', () => {
    const { items } = search(db, { q: 'type:decision keycloak', limit: 50 });
    expect(items.some((h) => h.topic !== null)).toBe(true);
  });

  it('reads any text, and answers with a reading', () => {
    for (const q of [
      '"',
      'NEAR(( AND OR *',
      "'; DROP TABLE meetings; --",
      '😀 🚀 keycloak',
      'x'.repeat(1000),
      '在哪里 決定',
      'since since since before',
    ]) {
      const result = search(db, { q });
      expect(typeof result.query.reading.text).toBe('string');
    }
  });

  it('answers any question over HTTP with 200 and a reading, never 5xx', async () => {
    const app = await buildServer({ db });
    try {
      const noise = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 94))).join('');
      for (const q of [
        'what does garloff still owe us?',
        noise,
        '"unbalanced AND (',
        '🦄🦄 keycloak',
        "1' OR '1'='1",
      ]) {
        const response = await app.inject({ url: `/api/search?${new URLSearchParams({ q, today: '2024-01-15' })}` });
        expect(response.statusCode, q).toBe(200);
        expect(typeof response.json().query.reading.text).toBe('string');
      }
      const read = (await app.inject({ url: '/api/search?q=keycolak&today=2024-01-15' })).json();
      expect(read.query.reading.suggestion).toBe('keycloak');
      expect(read.items[0].heading).toBeTypeOf('string');
      expect((await app.inject({ url: '/api/search?q=x&today=yesterday' })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
