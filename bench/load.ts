/**
 * Load on the HTTP API, on 127.0.0.1 only: autocannon with 50 connections against
 * /api/search and /api/action-items with varied queries, first alone, then while an
 * import of 1,000 files runs in another process. Prints req/s, p99, errors, 5xx and one JSON line.
 *   npm run bench:load                 # 30 s per phase
 *   npm run bench:load -- --seconds 3  # the short form the test suite runs
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildServer } from '../src/api/server.js';
import { importPaths } from '../src/import/import-files.js';
import { openDatabase } from '../src/store/database.js';
import { makeBatch } from './batch.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 30;
const connections = 50;

const WORDS = ['keycloak', 'storage', 'release', 'monitoring', 'status page', 'benchmark', 'docs', 'upgrade', '"release notes"', 'R7', 'k3s', 'AND', 'NEAR(', '"unbalanced', '*', ''];
const OWNERS = ['chen', 'emil', 'dora', 'bmeyer', 'alice-k', 'garloff', 'nobody'];
let n = 0;
function nextPath(): string {
  n++;
  if (n % 2 === 0) return `/api/search?q=${encodeURIComponent(WORDS[n % WORDS.length]!)}&limit=20&offset=${n % 3}`;
  return `/api/action-items?owner=${OWNERS[n % OWNERS.length]}&status=${['open', 'all', 'done'][n % 3]}&limit=20`;
}

async function hammer(url: string) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'minutes-load-'));
const dbFile = join(dir, 'load.db');
const batch = makeBatch(dir, 200); // 1,000 files
const setup = openDatabase(dbFile);
importPaths(setup, [join(root, 'minutes')]);
setup.close();

const db = openDatabase(dbFile);
const app = await buildServer({ db });
const url = await app.listen({ host: '127.0.0.1', port: 0 });

const alone = await hammer(url);
const importer = spawn(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'import', batch, '--db', dbFile], { stdio: 'ignore' });
const importExit = new Promise<number | null>((resolve) => importer.on('exit', resolve));
const duringImport = await hammer(url);
const importCode = await importExit;

await app.close();
db.close();
rmSync(dir, { recursive: true, force: true });

const row = (name: string, r: typeof alone) =>
  `${name.padEnd(22)} ${String(r.requestsPerSecond).padStart(8)} ${String(r.p50ms).padStart(6)} ${String(r.p99ms).padStart(6)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(6)} ${String(r.status5xx).padStart(4)}`;
console.log(`${connections} connections, ${seconds} s per phase, 127.0.0.1`);
console.log(`${'phase'.padEnd(22)} ${'req/s'.padStart(8)} ${'p50ms'.padStart(6)} ${'p99ms'.padStart(6)} ${'requests'.padStart(9)} ${'errors'.padStart(6)} ${'5xx'.padStart(4)}`);
console.log(row('alone', alone));
console.log(row('during 1,000-file import', duringImport));
console.log(JSON.stringify({ load: { seconds, connections, alone, duringImport, importExitCode: importCode } }));
