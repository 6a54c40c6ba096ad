import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { findMarkdownFiles } from '../../src/import/find-files.js';
import { importText } from '../../src/import/import-files.js';
import { relinkSeries } from '../../src/store/tracked-items.js';
import { tempKnowledgeBase } from '../helpers.js';

/**
 * End to end in Debian's Chromium, driven by playwright-core: the page as a user meets it.
 * `.ci/run` installs the chromium package; where it is absent these tests skip and say so.
 * Screenshots go to $SCREENSHOT_DIR (the README's come from there) or a temporary folder.
 */
const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`skipping browser tests: ${CHROMIUM} is absent (apt-get install chromium)`);

const TOKEN = 'browser-token';
const shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'minutes-screens-'));
let kb: ReturnType<typeof tempKnowledgeBase>;
let app: FastifyInstance;
let base: string;
let browser: Browser;
const errors: string[] = [];

async function open(path: string, width = 1280, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(`${path}: ${message.text()}`));
  await page.goto(base + path);
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('the web page in a real browser', () => {
  beforeAll(async () => {
    kb = tempKnowledgeBase();
    // Under the names a user in the project folder gives them (minutes/...), as the README's screenshots show.
    const imported = findMarkdownFiles([kb.minutes]).map((file) => importText(kb.db, readFileSync(file.source), { ...file, source: relative(kb.dir, file.source) }));
    for (const series of new Set(imported.flatMap((r) => (r.outcome === 'failed' ? [] : r.series)))) relinkSeries(kb.db, series);
    app = await buildServer({ db: kb.db, token: TOKEN });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    mkdirSync(shots, { recursive: true });
    console.log(`browser screenshots in ${shots}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    kb?.remove();
  });

  it('searches from the box, narrows by a facet, and keeps the query in the URL', async () => {
    const page = await open('/');
    await page.waitForSelector('.summary');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('keycloak');
    await page.waitForURL(/\?q=keycloak$/);
    await page.waitForSelector('.hit mark');
    const summary = await page.textContent('.summary');
    const total = Number(/(\d+) results/.exec(summary ?? '')?.[1]);
    expect(total).toBeGreaterThan(3);
    expect((await page.$$eval('.hit mark', (marks) => marks.map((m) => m.textContent?.toLowerCase()))).every((t) => t?.startsWith('keycloak'))).toBe(true);
    await page.screenshot({ path: join(shots, 'search.png') });

    await page.click('.facet a:text-is("decision")');
    await page.waitForURL(/type%3Adecision/);
    await page.waitForFunction(() => [...document.querySelectorAll('.hit .badge:first-child')].every((b) => b.textContent === 'decision'));
    const decisions = Number(/(\d+) result/.exec((await page.textContent('.summary')) ?? '')?.[1]);
    expect(decisions).toBeGreaterThan(0);
    expect(decisions).toBeLessThan(total);
    // The URL can be shared: opened afresh, it shows the same results.
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await again.waitForSelector('.hit');
    expect(await again.inputValue('#q')).toMatch(/type:decision/);
    expect(await again.$$eval('.hit', (hits) => hits.length)).toBe(decisions);
    await page.close();
    await again.close();
  }, 30_000);

  it('opens a result in its meeting at its line, with the previous and next meeting', async () => {
    const page = await open('/?q=' + encodeURIComponent('type:decision keycloak'));
    const link = await page.waitForSelector('.hit-link');
    const href = (await link.getAttribute('href'))!;
    const line = /#L(\d+)$/.exec(href)?.[1];
    expect(line).toBeTruthy();
    await link.click();
    await page.waitForSelector('.minutes .target');
    expect(new URL(page.url()).hash).toBe(`#L${line}`);
    const target = await page.$eval('.minutes .target', (el) => {
      const box = el.getBoundingClientRect();
      return { id: el.id, classes: el.className, visible: box.top >= 0 && box.bottom <= window.innerHeight, text: el.textContent };
    });
    expect(target).toMatchObject({ id: `L${line}`, visible: true });
    expect(target.classes).toMatch(/mark-decision/);
    expect(target.text?.toLowerCase()).toContain('keycloak');
    const neighbours = await page.$$eval('.neighbours a', (as) => as.map((a) => a.getAttribute('rel')));
    expect(neighbours.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'meeting.png') });

    // A jump to another line moves within the meeting: no new request, the new line marked.
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const jump = page.locator('ul.marks a[href^="#L"]').last();
    const to = (await jump.getAttribute('href'))!;
    await jump.click();
    await page.waitForFunction((hash) => document.querySelector('.minutes .target')?.id === hash.slice(1) || document.querySelector('.minutes .target a.line-anchor')?.id === hash.slice(1), to);
    expect(requests).toEqual([]);
    await page.close();
  }, 30_000);

  it('lists open action items by owner, opens a person, and exports CSV', async () => {
    const page = await open('/');
    await page.click('header a:text-is("Action items")');
    await page.waitForURL(/\/items$/);
    await page.waitForSelector('details.owner-group[open] table.items');
    const owners = await page.$$eval('details.owner-group', (groups) => groups.map((g) => g.dataset.owner));
    expect(owners.length).toBeGreaterThan(3);
    await page.screenshot({ path: join(shots, 'action-items.png') });
    // A closed group loads its items when opened.
    const last = page.locator('details.owner-group').last();
    await last.locator('summary').click();
    await last.locator('table.items').waitFor();
    const raised = await page.$$eval('details.owner-group[open]', (groups) =>
      groups.map((g) => [...g.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.textContent)),
    );
    for (const dates of raised) expect(dates).toEqual([...dates].sort()); // oldest first

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.exports a:text-is("CSV")')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = parse(csv, { columns: true }) as { status: string; id: string }[];
    const total = Number(/(\d+) open item/.exec((await page.textContent('.summary')) ?? '')?.[1]);
    expect(rows.length).toBe(total);
    expect(rows.every((r) => r.status === 'open')).toBe(true);

    await page.click('details.owner-group[open] a:text-is("page")');
    await page.waitForURL(/\/people\//);
    await page.waitForSelector('h2:has-text("Decisions of meetings")');
    expect(await page.$$eval('table.items tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    await page.close();
  }, 30_000);

  it('changes an item only by its buttons: Enter in the note does not close it', async () => {
    const [item] = (await (await fetch(`${base}/api/action-items?owner=emil&status=open`)).json()).items;
    const page = await open(`/items/${item.id}`);
    await page.fill('input[name=note]', 'just a note');
    await page.press('input[name=note]', 'Enter');
    await page.waitForTimeout(300);
    expect((await (await fetch(`${base}/api/action-items/${item.id}`)).json()).status).toBe('open');
    page.once('dialog', (dialog) => dialog.accept(TOKEN));
    await page.click('button:text-is("Close")');
    await page.waitForSelector('button:text-is("Reopen")');
    const closed = await (await fetch(`${base}/api/action-items/${item.id}`)).json();
    expect(closed).toMatchObject({ status: 'done', changes: [{ status: 'done', note: 'just a note' }] });
    await page.close();
  }, 30_000);

  it('shows the decision log of a series as a timeline', async () => {
    const page = await open('/decisions');
    await page.selectOption('.series-picker select', 'demo-weekly');
    await page.waitForURL(/series=demo-weekly/);
    await page.waitForSelector('h1:has-text("of demo-weekly")');
    const dates = await page.$$eval('ol.timeline > li h2 a', (as) => as.map((a) => a.textContent));
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort().reverse()); // newest first
    await page.close();
  }, 30_000);

  it('imports a dropped file when writes are enabled, and opens it', async () => {
    const page = await open('/import');
    await page.fill('input[name=token]', TOKEN);
    await page.fill('input[name=series]', 'browser-team');
    const file = join(kb.dir, '20241104.md');
    writeFileSync(file, '# Browser team 2024-11-04\n\n## Notes\n\n- AI @zoe: write the browser test plan\n- Decision: we test in Chromium\n');
    await page.setInputFiles('#files', file);
    const entry = await page.waitForSelector('#log li:has-text("imported")');
    expect((await entry.textContent())?.replace(/\s+/g, ' ')).toMatch(/browser-team\/20241104\.md: 2024-11-04, 1 action item, 1 decision/);
    // Dropped, as from a file manager: a drop event carrying the file.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['# Browser team 2024-11-11\n\n- TODO: @zoe: review the drop zone\n'], '20241111.md', { type: 'text/markdown' }));
      return transfer;
    });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: dropped });
    await page.waitForSelector('#log li:has-text("20241111.md")');
    expect((await page.textContent('#log li:first-child'))?.replace(/\s+/g, ' ')).toMatch(/imported browser-team\/20241111\.md: 2024-11-11, 1 action item/);
    await page.click('#log li:last-child a');
    await page.waitForSelector('.minutes .mark-action');
    expect(await page.textContent('.minutes .mark-action')).toContain('write the browser test plan');
    await page.close();
  }, 30_000);

  it('fits a phone screen without sideways scrolling', async () => {
    // Minutes as wide as real ones get: a many-column table, a long link, a long code line.
    const cells = Array.from({ length: 14 }, (_, i) => `column number ${i}`);
    const markdown = ['# Wide 2024-10-01', '', `| ${cells.join(' | ')} |`, `|${cells.map(() => '---').join('|')}|`, `| ${cells.join(' | ')} |`, '',
      `- AI @wide: read https://example.org/${'a-very-long-path-segment/'.repeat(8)}`, '', '```', 'x'.repeat(300), '```', ''].join('\n');
    const wide = importText(kb.db, new TextEncoder().encode(markdown), { source: 'minutes/wide/20241001.md', seriesFromPath: 'wide' });
    if (wide.outcome === 'failed') throw new Error(wide.error);
    relinkSeries(kb.db, 'wide');
    for (const path of ['/?q=keycloak', '/items', '/decisions', '/meetings/1', `/meetings/${wide.meetingId}`]) {
      const page = await open(path, 390, 844);
      await page.waitForSelector('main :is(.hit, .owner-group, .timeline, .minutes)');
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      if (path === '/items') await page.screenshot({ path: join(shots, 'action-items-phone.png') });
      await page.close();
    }
  }, 30_000);

  it('logged no script errors and no failed requests in any of the pages above', () => {
    expect(errors).toEqual([]);
  });
});
