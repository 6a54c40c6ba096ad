/**
 * Part 8: first meaningful paint of the overview, the page a team opens first, in headless
 * Chromium against `minutes serve` on a database of the whole shared corpus. Each load is in a
 * new browser context (no cached page, assets or answers); the paint is the first frame after
 * the overview's figures (the open-items tables) are in the page, measured from navigation start.
 * First contentful and largest contentful paint, as Chromium reports them, come with it.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { median } from './common.js';
import { startServer } from './http.js';

export const CHROMIUM = '/usr/bin/chromium';

export interface WebFigures {
  runs: number;
  /** Medians, ms from navigation start. */
  overviewMs: number;
  firstContentfulMs: number;
  largestContentfulMs: number;
  /** The slowest of the runs. */
  worstOverviewMs: number;
}

/**
 * Given as text, not a function: the bench runs under tsx, whose helpers a function would carry
 * into the page. Records the first frame after the overview's tables appear, and Chromium's paints.
 */
const OBSERVE = `
  window.__paint = {};
  new MutationObserver((_, observer) => {
    if (!document.querySelector('main table.counts')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__paint.overview = performance.now())));
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__paint.lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__paint.fcp = e.startTime;
  })
    .observe({ type: 'paint', buffered: true });
`;

export async function benchOverviewPaint(dbFile: string, runs = 9): Promise<WebFigures | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is absent (apt-get install chromium)` };
  const server = await startServer(dbFile, 1);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  const load = async () => {
    // bypassCSP: the page's policy forbids the evaluated checks below, not anything the page itself does.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(`${server.url}/`);
    await page.waitForFunction('window.__paint.overview !== undefined && window.__paint.lcp !== undefined');
    const paint = (await page.evaluate('window.__paint')) as { overview: number; fcp: number; lcp: number };
    await context.close();
    return paint;
  };
  try {
    await load(); // warm-up: the server's JIT and the database's pages, as on a server that has been up a while
    const paints = [];
    for (let i = 0; i < runs; i++) paints.push(await load());
    return {
      runs,
      overviewMs: median(paints.map((p) => p.overview)),
      firstContentfulMs: median(paints.map((p) => p.fcp)),
      largestContentfulMs: median(paints.map((p) => p.lcp)),
      worstOverviewMs: Math.max(...paints.map((p) => p.overview)),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
