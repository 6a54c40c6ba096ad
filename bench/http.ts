/**
 * Part 5: the HTTP API under load, on 127.0.0.1: `minutes serve` in its own process, autocannon
 * in this one asking /api/search with the bench's queries in turn. Its rate is set against
 * the in-process rate of the same queries, measured in another new process on the same
 * database (target >= 0.7), with p99 latency and errors.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DIST, ROOT, distImport, runModule } from './common.js';

export interface HttpFigures {
  /** Server processes (`minutes serve --workers N`). */
  workers: number;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  inProcessPerSecond: number;
  /** HTTP rate over the in-process rate (target >= 0.7). */
  ratio: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Searches a second in one process, one after another, after a warm-up pass. */
function inProcessRate(dbFile: string, queries: string[], seconds: number): Promise<{ perSecond: number }> {
  return runModule(
    `${distImport('openDatabase', 'store/database.js')}
     ${distImport('search', 'store/search.js')}
     const [dbFile, seconds, list] = process.argv.slice(1);
     const queries = JSON.parse(list);
     const db = openDatabase(dbFile);
     for (const q of queries) search(db, { q, limit: 20 });
     let n = 0;
     const start = performance.now();
     while (performance.now() - start < seconds * 1000) search(db, { q: queries[n++ % queries.length], limit: 20 });
     console.log(JSON.stringify({ perSecond: n / ((performance.now() - start) / 1000) }));`,
    [dbFile, String(seconds), JSON.stringify(queries)],
  );
}

/** `minutes serve` on a free port; resolves with its URL and a function that stops it. */
export function startServer(dbFile: string, workers: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [join(DIST, 'cli', 'main.js'), 'serve', '--port', '0', '--workers', String(workers), '--json', '--db', dbFile],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      const { url } = JSON.parse(out.split('\n')[0]!) as { url: string };
      const stop = async () => {
        child.kill('SIGTERM');
        await exited;
      };
      resolve({ url, stop });
    });
  });
}

export async function benchHttp(
  dbFile: string,
  queries: string[],
  seconds: number,
  workers = 1,
  connections = 10,
): Promise<HttpFigures> {
  const inProcess = await inProcessRate(dbFile, queries, seconds);
  const server = await startServer(dbFile, workers);
  let n = 0;
  const path = () => `/api/search?limit=20&q=${encodeURIComponent(queries[n++ % queries.length]!)}`;
  const run = (duration: number) =>
    autocannon({
      url: server.url,
      connections,
      duration,
      requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }],
    });
  try {
    await run(Math.min(2, seconds)); // warm-up: the server's JIT, the database's cache
    const result = await run(seconds);
    return {
      workers,
      connections,
      seconds,
      requestsPerSecond: result.requests.average,
      inProcessPerSecond: inProcess.perSecond,
      ratio: result.requests.average / inProcess.perSecond,
      p50ms: result.latency.p50,
      p99ms: result.latency.p99,
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
  } finally {
    await server.stop();
  }
}
