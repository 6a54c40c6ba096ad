/** What the parts of `npm run bench` share: paths, timing, statistics, queries, child processes. */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'scs');
/** All four communities: what the parse part reads. */
export const SHARED = join(ROOT, '..', 'shared', 'corpus');
/** The built code: children run what `minutes` runs, without a TypeScript loader in their memory. */
export const DIST = join(ROOT, 'dist');

export function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The best of three runs: the machine is shared, the fastest run is the least disturbed. */
export const best = (run: () => void) => Math.min(time(run), time(run), time(run));

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export const median = (xs: number[]) => percentile(xs, 0.5);
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * `count` search queries from the words of the corpus: one word, two words, a word in a
 * series, action items with a word. Seeded, so every run asks the same.
 */
export function corpusQueries(texts: string[], count: number): string[] {
  const words = [...new Set(texts.flatMap((t) => t.toLowerCase().match(/\b[a-z][a-z0-9-]{3,14}\b/g) ?? []))].sort();
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = () => words[Math.floor(random() * words.length)]!;
  const series = ['iaas', 'sig-standardization', 'container', 'product-board'];
  return Array.from({ length: count }, (_, i) =>
    i % 4 === 0
      ? `${pick()} ${pick()}`
      : i % 4 === 1
        ? `${pick()} series:${series[i % series.length]}`
        : i % 4 === 2
          ? `type:action ${pick()}`
          : pick(),
  );
}

/**
 * Run an ES module given as text in a new Node process, with `args` after it, and parse the
 * last line it prints as JSON. The process reports its own peak memory
 * (`process.resourceUsage().maxRSS`), so each measure of memory is of one task alone.
 */
export function runModule<T>(
  code: string,
  args: string[] = [],
  options: { oneCore?: boolean; env?: Record<string, string> } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const node = [process.execPath, '--input-type=module', '-e', code, '--', ...args];
    // taskset pins the process, V8's helper threads and any workers to one CPU: a one-core machine.
    const [command, ...rest] = options.oneCore ? ['taskset', '-c', '0', ...node] : node;
    const child = spawn(command!, rest, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...options.env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`child exited with ${code}: ${last}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

/** `import { a, b } from '<dist>/<path>'` for a child's module text. */
export const distImport = (names: string, path: string) =>
  `import { ${names} } from ${JSON.stringify(`file://${join(DIST, path)}`)};`;

export const fixed = (x: number, digits = 2) => x.toFixed(digits);
