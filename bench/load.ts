/**
 * Load on the HTTP API of `minutes serve` (a child process, as a user runs it), on 127.0.0.1:
 * 1. alone: autocannon, 50 connections, varied searches and action-item lists;
 * 2. the same while `minutes import` writes the whole corpus again (a copy, so every file is new);
 * 3. adversarial: 8 clients (from 127.0.0.2) sending the costliest requests known (a search of
 *    249 terms, the HTML of a meeting of 4,000 topics) as fast as they are answered, while one
 *    person (from 127.0.0.1) searches five times a second: that person's latency, with the default
 *    rate limit and without one.
 * The corpus is the four communities of ../shared/corpus; `--sample` uses minutes/ and 1,000
 * generated files instead (the short form the test suite runs). In phases 1 and 2 the rate limit
 * is off: 50 connections from one address stand for 50 people.
 *   npm run bench:load                          # 30 s per phase
 *   npm run bench:load -- --seconds 2 --sample  # what test/hardening/load.test.ts runs
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/store/database.js';
import { meetingIdBySource } from '../src/store/meetings.js';
import { makeBatch } from './batch.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const argument = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const seconds = Number(argument('--seconds')) || 30;
const shared = join(root, '..', 'shared', 'corpus');
const sample = process.argv.includes('--sample') || !existsSync(shared);
const connections = 50;
const ADVERSARIES = 8;

const WORDS = [
  'keycloak',
  'storage',
  'release',
  'monitoring',
  'status page',
  'benchmark',
  'docs',
  'upgrade',
  '"release notes"',
];
const ODD = ['R7', 'k3s', 'AND', 'NEAR(', '"unbalanced', '*', '', 'node.js', 'proposal', 'ipfs'];
const OWNERS = ['chen', 'emil', 'garloff', 'mhdawson', 'ljharb', 'nobody', 'none'];
let n = 0;
function nextPath(): string {
  n++;
  const words = [...WORDS, ...ODD];
  if (n % 2 === 0) return `/api/search?q=${encodeURIComponent(words[n % words.length]!)}&limit=20&offset=${n % 3}`;
  return `/api/action-items?owner=${OWNERS[n % OWNERS.length]}&status=${['open', 'all', 'done'][n % 3]}&limit=20`;
}

/** `minutes` on the built CLI; throws with its stderr if it fails. */
function minutes(...args: string[]): string {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`minutes ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** `minutes serve` on a free port; resolves with its URL once it listens. */
function serve(dbFile: string, rateLimit: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--db', dbFile, '--port', '0', '--json', '--rate-limit', String(rateLimit)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (line: Buffer) => resolve({ url: JSON.parse(line.toString()).url, child }));
    child.once('exit', (code) => reject(new Error(`minutes serve exited (${code})`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function hammer(url: string) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }],
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

/** One GET from a given local address: its status and time, ms. */
function get(url: string, agent: Agent, localAddress: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { agent, localAddress }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};

/** The costliest requests of issue #18, sent back to back by 8 clients, and one person's searches beside them. */
async function adversarial(url: string, hostileMeeting: number) {
  const worstSearch = `${url}/api/search?q=${encodeURIComponent(Array(249).fill('the').join(' '))}`;
  const worstHtml = `${url}/api/meetings/${hostileMeeting}/html`;
  const until = performance.now() + seconds * 1000;
  const statuses = new Map<number, number>();
  const attacker = async (i: number) => {
    const agent = new Agent({ keepAlive: true });
    for (let k = i; performance.now() < until; k++) {
      const { status } = await get(k % 2 ? worstSearch : worstHtml, agent, '127.0.0.2');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    agent.destroy();
  };
  const person = async () => {
    const agent = new Agent({ keepAlive: true });
    const times: number[] = [];
    let errors = 0;
    for (let k = 0; performance.now() < until; k++) {
      const next = performance.now() + 200;
      const { status, ms } = await get(
        `${url}/api/search?q=${encodeURIComponent(WORDS[k % WORDS.length]!)}&limit=20`,
        agent,
        '127.0.0.1',
      );
      if (status === 200) times.push(ms);
      else errors++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
    agent.destroy();
    return { searches: times.length + errors, errors, p50ms: percentile(times, 50), p99ms: percentile(times, 99) };
  };
  const [normal] = await Promise.all([person(), ...Array.from({ length: ADVERSARIES }, (_, i) => attacker(i))]);
  return { normal, adversaries: Object.fromEntries([...statuses].sort()) };
}

/** A meeting of 4,000 topics (71 KB): its HTML was the costliest page to render. */
function hostileMinutes(dir: string): string {
  const folder = join(dir, 'hostile', 'big');
  mkdirSync(folder, { recursive: true });
  const topics = Array.from({ length: 4000 }, (_, i) => `## Topic ${i}\n`).join('');
  writeFileSync(join(folder, '20240715.md'), `# Big 2024-07-15\n\n${topics}`);
  return join(folder, '20240715.md');
}

const dir = mkdtempSync(join(tmpdir(), 'minutes-load-'));
try {
  const dbFile = join(dir, 'load.db');
  const corpus = sample ? join(root, 'minutes') : shared;
  const setupStarted = performance.now();
  const hostile = hostileMinutes(dir);
  minutes('import', corpus, hostile, '--db', dbFile);
  const setupSeconds = Math.round((performance.now() - setupStarted) / 100) / 10;
  const db = openDatabase(dbFile);
  const hostileId = meetingIdBySource(db, hostile)!;
  db.close();
  // What the importer writes during phase 2: the corpus again under another folder (every file new).
  const again = join(dir, 'again');
  if (sample) makeBatch(again, 200);
  else cpSync(shared, again, { recursive: true });

  let server = await serve(dbFile, 0);
  const alone = await hammer(server.url);
  const importer = spawn(process.execPath, [cli, 'import', again, '--db', dbFile], { stdio: 'ignore' });
  const importExit = new Promise<number | null>((resolve) => importer.on('exit', resolve));
  const duringImport = await hammer(server.url);
  const importExitCode = await importExit;
  const unlimited = await adversarial(server.url, hostileId);
  await stop(server.child);
  server = await serve(dbFile, 600);
  const limited = await adversarial(server.url, hostileId);
  await stop(server.child);

  const row = (name: string, r: typeof alone) =>
    `${name.padEnd(30)} ${String(r.requestsPerSecond).padStart(8)} ${String(r.p50ms).padStart(6)} ${String(r.p99ms).padStart(6)} ` +
    `${String(r.requests).padStart(9)} ${String(r.errors).padStart(6)} ${String(r.status5xx).padStart(4)}`;
  const what = sample ? 'minutes/ (sample)' : 'the four communities of ../shared/corpus';
  console.log(`${connections} connections, ${seconds} s per phase, 127.0.0.1; ${what}, imported in ${setupSeconds} s`);
  console.log(
    `${'phase'.padEnd(30)} ${'req/s'.padStart(8)} ${'p50ms'.padStart(6)} ${'p99ms'.padStart(6)} ${'requests'.padStart(9)} ${'errors'.padStart(6)} ${'5xx'.padStart(4)}`,
  );
  console.log(row('alone', alone));
  console.log(row('while importing it again', duringImport));
  for (const [name, r] of [
    ['no rate limit', unlimited],
    ['rate limit 600/min', limited],
  ] as const) {
    console.log(
      `${ADVERSARIES} adversaries, ${name}: a person's search p50 ${r.normal.p50ms} ms, p99 ${r.normal.p99ms} ms ` +
        `(${r.normal.searches} searches, ${r.normal.errors} failed); adversaries' answers ${JSON.stringify(r.adversaries)}`,
    );
  }
  console.log(
    JSON.stringify({
      load: {
        seconds,
        connections,
        corpus: what,
        alone,
        duringImport,
        importExitCode,
        adversarial: { unlimited, limited },
      },
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
