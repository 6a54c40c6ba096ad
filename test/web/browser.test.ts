import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TOKEN = 'browser-token';
const shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'minutes-screens-'));
let kb: ReturnType<typeof tempKnowledgeBase>;
let app: FastifyInstance;
let base: string;
let browser: Browser;
const errors: string[] = [];

interface OpenOptions {
  width?: number;
  height?: number;
  /** For axe-core, added as a script: the page's own policy allows no script but its own files. */
  bypassCSP?: boolean;
  timezoneId?: string;
}

async function open(
  path: string,
  { width = 1366, height = 900, bypassCSP = false, timezoneId }: OpenOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, bypassCSP, locale: 'en-US', timezoneId });
  page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
  page.on('console', (message) => {
    // A 404 page answers 404 and a wrong token 401 on purpose; the console reports them as failed loads.
    if (message.type() === 'error' && !/status of 40[14]/.test(message.text()))
      errors.push(`${path}: ${message.text()}`);
  });
  await page.goto(base + path);
  return page;
}

/** Wait until a view has drawn: its heading is there, nothing says Loading, the network is quiet. */
async function drawn(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  // Closed groups of the items view load when opened: their placeholder stays.
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('main p.muted')].some(
        (p) => p.textContent === 'Loading…' && !p.closest('details:not([open])'),
      ),
  );
  await page.waitForLoadState('networkidle');
}

/**
 * Elements whose right edge is beyond the viewport and that no scrolling box of their own holds, and the page's
 * sideways overflow.
 */
async function overflow(page: Page): Promise<{ width: number; sideways: number; beyond: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const held = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const beyond: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if ((box.width === 0 && box.height === 0) || el.closest('.sr-only, .skip-link')) continue;
      if (box.right > width + 0.5 && !held(el))
        beyond.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')} right ${Math.round(box.right)}`,
        );
    }
    return { width, sideways: document.documentElement.scrollWidth - width, beyond: beyond.slice(0, 10) };
  });
}

interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
  targets: string[];
}

/** axe-core's violations on the page as drawn. */
async function axe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            d: Document,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

/** Every view of the page, by the name its screenshots carry. */
let views: [string, string][] = [];

describe.skipIf(!HAS_CHROMIUM)('the web page in a real browser', () => {
  beforeAll(async () => {
    kb = tempKnowledgeBase();
    // Under the names a user in the project folder gives them (minutes/...), as the README's screenshots show.
    const imported = findMarkdownFiles([kb.minutes]).map((file) =>
      importText(kb.db, readFileSync(file.source), { ...file, source: relative(kb.dir, file.source) }),
    );
    for (const series of new Set(imported.flatMap((r) => (r.outcome === 'failed' ? [] : r.series))))
      relinkSeries(kb.db, series);
    app = await buildServer({ db: kb.db, token: TOKEN });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    mkdirSync(shots, { recursive: true });
    console.log(`browser screenshots in ${shots}`);
    const item = (await (await fetch(`${base}/api/action-items?owner=emil&status=open&state=all`)).json()).items[0];
    const meeting = (await (await fetch(`${base}/api/meetings?series=product-board`)).json()).items[0];
    views = [
      ['overview', '/'],
      ['search', '/search?q=keycloak'],
      ['action-items', '/items'],
      ['item', `/items/${item.id}`],
      ['person', '/people/emil'],
      ['meeting', `/meetings/${meeting.id}`],
      ['decisions', '/decisions'],
      ['import', '/import'],
      ['not-found', '/no/such/page'],
      ['person-not-found', '/people/nobody-here'],
    ];
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    kb?.remove();
  });

  it('opens on the overview: live items by series and owner, newest decisions, charts, and search one keystroke away', async () => {
    const page = await open('/');
    await drawn(page);
    expect(await page.textContent('h1')).toBe('Overview');
    expect(await page.$$eval('table.counts', (tables) => tables.length)).toBe(2);
    expect(await page.$$eval('ul.decisions li', (lis) => lis.length)).toBeGreaterThan(0);
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((s) => ({ label: s.getAttribute('aria-label'), bars: s.querySelectorAll('rect').length })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(3);
    expect(charts.every((c) => c.bars > 0 && /\d+ /.test(c.label ?? ''))).toBe(true);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('keycloak');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=keycloak$/);
    await page.waitForSelector('.hit');
    await page.close();
  }, 30_000);

  it('searches from the box, narrows by a facet, sorts, and keeps the query in the URL', async () => {
    const page = await open('/search');
    await drawn(page);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('keycloak');
    await page.waitForURL(/\?q=keycloak$/);
    await page.waitForSelector('.hit mark');
    const total = Number(/(\d+) results/.exec((await page.textContent('.summary')) ?? '')?.[1]);
    expect(total).toBeGreaterThan(3);
    expect(
      (await page.$$eval('.hit mark', (marks) => marks.map((m) => m.textContent?.toLowerCase()))).every((t) =>
        t?.startsWith('keycloak'),
      ),
    ).toBe(true);

    await page.click('.facet a:text-is("decision")');
    await page.waitForURL(/type%3Adecision/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.hit .badge:first-child')].every((b) => b.textContent === 'decision'),
    );
    const decisions = Number(/(\d+) result/.exec((await page.textContent('.summary')) ?? '')?.[1]);
    expect(decisions).toBeGreaterThan(0);
    expect(decisions).toBeLessThan(total);
    // The URL can be shared: opened afresh, it shows the same results.
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await again.waitForSelector('.hit');
    expect(await again.inputValue('#q')).toMatch(/type:decision/);
    expect(await again.$$eval('.hit', (hits) => hits.length)).toBe(decisions);
    await again.close();

    // Newest first: the dates of the results never go up.
    await page.selectOption('#sort', 'newest');
    await page.waitForURL(/sort=newest/);
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent?.includes('newest first'));
    const dates = await page.$$eval('.hit .meta', (metas) =>
      metas.map((m) => m.textContent?.trim().slice(0, 10) ?? ''),
    );
    expect(dates).toEqual([...dates].sort().reverse());
    await page.close();
  }, 30_000);

  it('filters by a year from the year facet, newest year first, shown as one chip', async () => {
    const page = await open('/search?q=keycloak');
    await page.waitForSelector('.facet a');
    const years = await page.$$eval('.facet:has(h2:text-is("Year")) a', (as) => as.map((a) => a.textContent));
    expect(years.length).toBeGreaterThan(0);
    expect(years).toEqual([...years].sort().reverse());
    await page.click(`.facet a:text-is("${years[0]}")`);
    await page.waitForSelector(`.chip:has-text("year: ${years[0]}")`);
    expect(await page.$$eval('.chip', (chips) => chips.length)).toBe(1);
    await page.close();
  }, 30_000);

  it('says which filters it could not read, and when a page is past the last result', async () => {
    const page = await open('/search?q=' + encodeURIComponent('is:closed before:not-a-date keycloak'));
    const alert = await page.waitForSelector('#results [role=alert]');
    const text = (await alert.textContent())?.replace(/\s+/g, ' ');
    expect(text).toContain('is:closed');
    expect(text).toContain('open, done or dropped');
    expect(text).toContain('before:not-a-date');
    const past = await open('/search?q=keycloak&offset=100000');
    expect(await (await past.waitForSelector('#results [role=alert]')).textContent()).toMatch(/past the last one/);
    await page.close();
    await past.close();
  }, 30_000);

  it('moves through results with j and k, and opens one with Enter', async () => {
    const page = await open('/search?q=keycloak');
    await page.waitForSelector('.hit');
    await page.locator('h1').click(); // the box lets go of the keyboard
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const first = await page.$eval('.hit .hit-link', (a) => a.getAttribute('href'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/meetings/'));
    await page.waitForSelector('.minutes');
    await page.close();
  }, 30_000);

  it('opens a result in its meeting at its line, with its participants, one h1 and the series in the breadcrumb', async () => {
    const page = await open('/search?q=' + encodeURIComponent('type:decision keycloak'));
    const link = await page.waitForSelector('.hit-link');
    const href = (await link.getAttribute('href'))!;
    const line = /#L(\d+)$/.exec(href)?.[1];
    expect(line).toBeTruthy();
    await link.click();
    await page.waitForSelector('.minutes .target');
    expect(new URL(page.url()).hash).toBe(`#L${line}`);
    const target = await page.$eval('.minutes .target', (el) => {
      const box = el.getBoundingClientRect();
      return {
        id: el.id,
        classes: el.className,
        visible: box.top >= 0 && box.bottom <= window.innerHeight,
        text: el.textContent,
      };
    });
    expect(target).toMatchObject({ id: `L${line}`, visible: true });
    expect(target.classes).toMatch(/mark-decision/);
    expect(target.text?.toLowerCase()).toContain('keycloak');
    expect(await page.$$eval('h1', (h) => h.length)).toBe(1);
    const people = await page.$$eval('ul.people a', (as) => as.map((a) => a.textContent?.trim()));
    expect(people.length).toBeGreaterThan(0);
    expect(people.some((p) => p?.includes('@'))).toBe(true);
    const crumb = await page.$eval('nav.crumbs a:nth-of-type(2)', (a) => ({
      text: a.textContent,
      href: a.getAttribute('href'),
    }));
    expect(crumb.href).toMatch(/^\/search\?q=series%3A/);
    const neighbours = await page.$$eval('.neighbours a', (as) => as.map((a) => a.getAttribute('rel')));
    expect(neighbours.length).toBeGreaterThan(0);

    // A jump to another line moves within the meeting: no new request, the new line marked.
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const jump = page.locator('ul.marks a[href^="#L"]').last();
    const to = (await jump.getAttribute('href'))!;
    await jump.click();
    await page.waitForFunction(
      (hash) =>
        document.querySelector('.minutes .target')?.id === hash.slice(1) ||
        document.querySelector('.minutes .target a.line-anchor')?.id === hash.slice(1),
      to,
    );
    expect(requests).toEqual([]);
    await page.close();
  }, 30_000);

  it('lists open action items by owner, opens a person, and exports CSV', async () => {
    const page = await open('/');
    await page.click('header a:text-is("Action items")');
    await page.waitForURL(/\/items$/);
    await page.click('.tabs a:text-is("all open")');
    await page.waitForURL(/state=all/);
    await page.waitForSelector('details.owner-group[open] table.items');
    const owners = await page.$$eval('details.owner-group', (groups) => groups.map((g) => g.dataset.owner));
    expect(owners.length).toBeGreaterThan(3);
    // Nothing interactive inside a group's header: the header only opens and closes it.
    expect(await page.$$eval('details.owner-group summary :is(a, button, input)', (els) => els.length)).toBe(0);
    // A closed group loads its items when opened.
    const last = page.locator('details.owner-group').last();
    await last.locator('summary').click();
    await last.locator('table.items').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.exports a:text-is("CSV")')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = parse(csv, { columns: true }) as { status: string; id: string }[];
    const total = Number(/(\d+) all open item/.exec((await page.textContent('.summary')) ?? '')?.[1]);
    expect(rows.length).toBe(total);
    expect(rows.every((r) => r.status === 'open')).toBe(true);

    await page.click('details.owner-group[open] a:has-text("across series")');
    await page.waitForURL(/\/people\//);
    await page.waitForSelector('h2:has-text("Decisions of meetings")');
    await page.close();
  }, 30_000);

  it('finds a person by handle, by @handle and by name, and says when nobody is known by a name', async () => {
    const byHandle = await open('/people/emil');
    await drawn(byHandle);
    const title = await byHandle.textContent('h1');
    const byAt = await open('/people/%40emil');
    await drawn(byAt);
    expect(await byAt.textContent('h1')).toBe(title);
    expect(await byAt.textContent('h1')).not.toContain('@@');
    const nobody = await open('/people/nobody-here');
    await drawn(nobody);
    expect(await nobody.textContent('h1')).toBe('Person not found');
    expect(await nobody.textContent('main [role=status]')).toContain('nobody-here');
    for (const page of [byHandle, byAt, nobody]) await page.close();
  }, 30_000);

  it('answers unknown paths with an HTML page that says so (404), and the API with JSON', async () => {
    for (const path of ['/nonexistent', '/decisions/', '/people/garloff/']) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
    const api = await fetch(`${base}/api/nonexistent`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'Not Found' });
    const page = await open('/nonexistent');
    await drawn(page);
    expect(await page.textContent('h1')).toBe('Page not found');
    await page.close();
  }, 30_000);

  it('signs in with a dialog, confirms a close with a note, shows it in the timeline in local time, and signs out', async () => {
    const [item] = (await (await fetch(`${base}/api/action-items?owner=emil&status=open&state=all`)).json()).items;
    const page = await open(`/items/${item.id}`, { timezoneId: 'America/New_York' });
    await drawn(page);
    // Enter in the note changes nothing.
    await page.fill('input[name=note]', 'done in the weekly call');
    await page.press('input[name=note]', 'Enter');
    // Cancelling the confirmation sends nothing.
    await page.click('button:text-is("Close…")');
    await page.click('dialog button:text-is("Cancel")');
    await page.waitForSelector('dialog', { state: 'detached' });
    expect((await (await fetch(`${base}/api/action-items/${item.id}`)).json()).status).toBe('open');

    await page.click('#account:text-is("Sign in")');
    const field = await page.waitForSelector('dialog input[name=token]');
    expect(await field.getAttribute('type')).toBe('password');
    await field.fill(TOKEN);
    await page.click('dialog button:text-is("Sign in")');
    await page.waitForSelector('#account:text-is("Sign out")');
    expect(await page.evaluate(() => sessionStorage.getItem('minutes-token'))).toBe(TOKEN);

    await page.click('button:text-is("Close…")');
    expect(await page.textContent('dialog')).toMatch(/marked done from now on/);
    await page.click('dialog button:text-is("Close item")');
    const change = await page.waitForSelector('ol.timeline li.change');
    expect(await change.textContent()).toContain('done in the weekly call');
    expect(await change.textContent()).toContain('Closed by hand');
    expect(await change.$eval('time', (t) => t.textContent)).toMatch(/E[SD]T/);
    expect(await (await fetch(`${base}/api/action-items/${item.id}`)).json()).toMatchObject({
      status: 'done',
      changes: [{ status: 'done', note: 'done in the weekly call' }],
    });
    await page.screenshot({ path: join(shots, 'item-closed.png') });

    await page.click('#account:text-is("Sign out")');
    await page.waitForSelector('#account:text-is("Sign in")');
    expect(await page.evaluate(() => sessionStorage.getItem('minutes-token'))).toBeNull();
    await page.close();
  }, 30_000);

  it('says a refused token in words, and asks again', async () => {
    const [item] = (await (await fetch(`${base}/api/action-items?status=open&state=all`)).json()).items;
    const page = await open(`/items/${item.id}`);
    await drawn(page);
    await page.evaluate(() => sessionStorage.setItem('minutes-token', 'wrong'));
    await page.click('button:text-is("Drop…")');
    await page.click('dialog button:text-is("Drop item")');
    await page.waitForSelector('dialog [role=alert]');
    expect(await page.textContent('dialog [role=alert]')).toMatch(/did not accept the write token/);
    await page.click('dialog button:text-is("Cancel")');
    await page.waitForSelector('#change-result.error');
    expect((await (await fetch(`${base}/api/action-items/${item.id}`)).json()).status).toBe('open');
    // Again, with a wrong token and then the right one when asked: the change goes through.
    await page.evaluate(() => sessionStorage.setItem('minutes-token', 'wrong again'));
    await page.click('button:text-is("Drop…")');
    await page.click('dialog button:text-is("Drop item")');
    await page.fill('dialog input[name=token]', TOKEN);
    await page.click('dialog button:text-is("Sign in")');
    await page.waitForSelector('button:text-is("Reopen…")');
    expect((await (await fetch(`${base}/api/action-items/${item.id}`)).json()).status).toBe('dropped');
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

  it('imports a dropped file after signing in, and opens it', async () => {
    const page = await open('/import');
    await drawn(page);
    await page.fill('input[name=series]', 'browser-team');
    const file = join(kb.dir, '20241104.md');
    writeFileSync(
      file,
      '# Browser team 2024-11-04\n\n## Notes\n\n- AI @zoe: write the browser test plan\n- Decision: we test in Chromium\n',
    );
    await page.setInputFiles('#files', file);
    await page.fill('dialog input[name=token]', TOKEN);
    await page.click('dialog button:text-is("Sign in")');
    const entry = await page.waitForSelector('#log li:has-text("imported")');
    expect((await entry.textContent())?.replace(/\s+/g, ' ')).toMatch(
      /browser-team\/20241104\.md: 2024-11-04, 1 action item, 1 decision/,
    );
    // Dropped, as from a file manager: a drop event carrying the file.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(['# Browser team 2024-11-11\n\n- TODO: @zoe: review the drop zone\n'], '20241111.md', {
          type: 'text/markdown',
        }),
      );
      return transfer;
    });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: dropped });
    await page.waitForSelector('#log li:has-text("20241111.md")');
    expect((await page.textContent('#log li:first-child'))?.replace(/\s+/g, ' ')).toMatch(
      /imported browser-team\/20241111\.md: 2024-11-11, 1 action item/,
    );
    await page.click('#log li:last-child a');
    await page.waitForSelector('.minutes .mark-action');
    expect(await page.textContent('.minutes .mark-action')).toContain('write the browser test plan');
    await page.close();
  }, 30_000);

  it('fits phones of 360 and 390 px on every view: no element reaches past the right edge', async () => {
    // Minutes as wide as real ones get: a many-column table, a long link, a long code line.
    const cells = Array.from({ length: 14 }, (_, i) => `column number ${i}`);
    const markdown = [
      '# Wide 2024-10-01',
      '',
      `| ${cells.join(' | ')} |`,
      `|${cells.map(() => '---').join('|')}|`,
      `| ${cells.join(' | ')} |`,
      '',
      `- AI @wide: read https://example.org/${'a-very-long-path-segment/'.repeat(8)}`,
      '',
      '```',
      'x'.repeat(300),
      '```',
      '',
    ].join('\n');
    // A series name as long as real ones get, for the series pickers.
    const series = 'in-web-browsers-q1-planning-brainstorming-and-review';
    const wide = importText(kb.db, new TextEncoder().encode(markdown), {
      source: `minutes/${series}/20241001.md`,
      seriesFromPath: series,
    });
    if (wide.outcome === 'failed') throw new Error(wide.error);
    relinkSeries(kb.db, series);
    const report: Record<string, unknown> = {};
    for (const width of [360, 390]) {
      for (const [name, path] of [...views, ['wide-meeting', `/meetings/${wide.meetingId}`]] as [string, string][]) {
        const page = await open(path, { width, height: 800 });
        await drawn(page);
        // The search view's filter drawer, open, must fit too.
        if (name === 'search') await page.click('#filters-toggle');
        const result = await overflow(page);
        report[`${name}@${width}`] = result.beyond.length;
        expect(result.beyond, `${name} at ${width} px`).toEqual([]);
        expect(result.sideways, `${name} at ${width} px`).toBeLessThanOrEqual(0);
        await page.close();
      }
    }
    console.log(`geometry: ${JSON.stringify(report)}`);
  }, 120_000);

  it('has no serious or critical axe-core violations on any view, at 1366 and 390 px (and screenshots them)', async () => {
    const found: Record<string, Violation[]> = {};
    for (const [width, height, suffix] of [
      [1366, 900, ''],
      [390, 844, '-phone'],
    ] as const) {
      for (const [name, path] of views) {
        const page = await open(path, { width, height, bypassCSP: true });
        await drawn(page);
        await page.screenshot({ path: join(shots, `${name}${suffix}.png`) });
        const violations = await axe(page);
        found[`${name}@${width}`] = violations;
        await page.close();
      }
    }
    const all = Object.entries(found).flatMap(([view, vs]) => vs.map((v) => ({ view, ...v })));
    console.log(
      `axe: ${Object.keys(found).length} views; violations by impact: ${JSON.stringify(all.reduce<Record<string, number>>((n, v) => ({ ...n, [v.impact ?? 'none']: (n[v.impact ?? 'none'] ?? 0) + 1 }), {}))}`,
    );
    for (const v of all) console.log(`axe ${v.impact} ${v.view} ${v.id} (${v.nodes}): ${v.targets.join(' | ')}`);
    expect(all.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }, 180_000);

  it('shows a skip link first, and a focus ring for the keyboard only', async () => {
    const page = await open('/search?q=keycloak');
    await drawn(page);
    const first = await page.evaluate(
      () =>
        [...document.querySelectorAll('a[href], button, input, select, [tabindex]:not([tabindex="-1"])')].find(
          (el) => !el.closest('[hidden]'),
        )?.className,
    );
    expect(first).toBe('skip-link');
    await page.focus('.skip-link');
    expect(
      await page.$eval('.skip-link', (a) => ({ text: a.textContent, top: a.getBoundingClientRect().top })),
    ).toMatchObject({ text: 'Skip to content' });
    expect(await page.$eval('.skip-link', (a) => a.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    // From the search box, the results are two keys away, past the filters.
    await page.focus('#q');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip the filters, to the results');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hit-link'))).toBe(true);
    const ring = (selector: string) => page.$eval(selector, (el) => getComputedStyle(el).outlineStyle);
    await page.focus('.hit-link');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await ring('.hit-link')).not.toBe('none');
    await page.click('.facet a >> nth=0', { trial: true });
    await page.mouse.down();
    expect(
      await page.evaluate(() =>
        document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none',
      ),
    ).toBe('none');
    await page.mouse.up();
    await page.close();
  }, 30_000);

  it('serves its assets with ETags and caches the versioned ones for a year', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const script = /src="(\/assets\/v-[^/]+\/app\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(base + script);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const etag = asset.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await fetch(base + script, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${base}/assets/v-old/app.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('links the API docs back to the page', async () => {
    // Swagger UI's own page, not this one: its console is not this page's to answer for.
    const page = await browser.newPage();
    await page.goto(`${base}/docs`);
    const back = await page.waitForSelector('.info a:has-text("Back to the minutes-kb page")', { timeout: 20_000 });
    expect(new URL((await back.getAttribute('href'))!, base).pathname).toBe('/');
    await page.close();
  }, 30_000);

  it('logged no script errors and no failed requests in any of the pages above', () => {
    expect(errors).toEqual([]);
  });
});
