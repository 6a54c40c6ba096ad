/**
 * Part 7: the inputs that once made the parser super-linear (bench/adversarial-inputs.ts), doubled
 * from 50 KB to 1.6 MB: the median of three parses per size and the growth per doubling (linear is
 * 2, quadratic 4), fitted over all sizes (one step between two sizes is at the mercy of a garbage
 * collection or a busy core, so the largest single step is printed beside it). The inputs on which
 * the markdown libraries themselves are super-linear go through the import's parse workers with
 * their time budget: a size that outlasts it is refused, and the time to refuse is what is printed.
 */
import { INLINE_MAX_BYTES, ParsePool, parseBudgetMs } from '../src/import/parse-pool.js';
import { isFailed } from '../src/parse/meeting-record.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { ADVERSARIAL, LIBRARY_ADVERSARIAL } from './adversarial-inputs.js';
import { median, time } from './common.js';

interface Row {
  name: string;
  /** Milliseconds per size; null where the input was refused (too deep, or over the budget). */
  ms: (number | null)[];
  /** Per refused size: how long the refusal took, ms (-1: not tried, a smaller size was refused). */
  refusedMs: (number | null)[];
  /** Growth per doubling fitted over the sizes parsed (least squares on log-log), or null. */
  growth: number | null;
  /** The largest growth between two neighbouring sizes. */
  maxStepGrowth: number | null;
}

export interface AdversarialFigures {
  sizesKB: number[];
  budgetMs: number;
  inputs: Row[];
}

const SIZES_KB = [50, 100, 200, 400, 800, 1600];

/** 2 to the slope of log2(time) against log2(size): what one doubling multiplies the time by. */
function fittedGrowth(sizes: number[], ms: (number | null)[]): number | null {
  const points = sizes.flatMap((s, i) => (ms[i] ? [[Math.log2(s), Math.log2(ms[i]!)] as const] : []));
  if (points.length < 2) return null;
  const mx = points.reduce((a, [x]) => a + x, 0) / points.length;
  const my = points.reduce((a, [, y]) => a + y, 0) / points.length;
  const slope =
    points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return 2 ** slope;
}

function row(name: string, ms: (number | null)[], refusedMs: (number | null)[]): Row {
  const steps = ms.slice(1).flatMap((m, i) => (m !== null && ms[i] ? [m / ms[i]!] : []));
  const maxStepGrowth = steps.length > 0 ? Math.max(...steps) : null;
  return { name, ms, refusedMs, growth: fittedGrowth(SIZES_KB, ms), maxStepGrowth };
}

function parserInput(name: string, make: (bytes: number) => string): Row {
  let refused = false;
  const ms = SIZES_KB.map((kb) => {
    const text = make(kb * 1000);
    const took = median([0, 1, 2].map(() => time(() => (refused = isFailed(parseMeeting(text, 'adversarial.md'))))));
    return refused ? null : took;
  });
  return row(
    name,
    ms,
    ms.map(() => null),
  );
}

/**
 * One parse per size in a budgeted worker; after the first refusal, larger sizes are not tried (they would be refused
 * too).
 */
async function libraryInput(name: string, make: (bytes: number) => string, pool: ParsePool): Promise<Row> {
  const ms: (number | null)[] = [];
  const refusedMs: (number | null)[] = [];
  for (const kb of SIZES_KB) {
    if (refusedMs.some((r) => r !== null)) {
      ms.push(null);
      refusedMs.push(-1);
      continue;
    }
    const bytes = new TextEncoder().encode(make(kb * 1000));
    const started = performance.now();
    const parsed = await pool.parse({ source: 'adversarial.md', seriesFromPath: null }, bytes);
    const took = performance.now() - started;
    const refused = parsed === null || (isFailed(parsed.record) && /took longer/.test(parsed.record.error));
    ms.push(refused ? null : took);
    refusedMs.push(refused ? took : null);
  }
  return row(name, ms, refusedMs);
}

export async function benchAdversarial(): Promise<AdversarialFigures> {
  const inputs = Object.entries(ADVERSARIAL).map(([name, make]) => parserInput(name, make));
  const budgetMs = parseBudgetMs();
  const pool = new ParsePool(1, budgetMs);
  try {
    // Every size here is above INLINE_MAX_BYTES: an import parses each of them in a worker, like this.
    if (SIZES_KB[0]! * 1000 <= INLINE_MAX_BYTES) throw new Error('sizes below the inline limit would not be budgeted');
    await pool.parse({ source: 'warm.md', seriesFromPath: null }, new TextEncoder().encode('# 2024-07-15\n')); // loads the parser
    for (const [name, make] of Object.entries(LIBRARY_ADVERSARIAL)) inputs.push(await libraryInput(name, make, pool));
  } finally {
    await pool.close();
  }
  return { sizesKB: SIZES_KB, budgetMs, inputs };
}

export function printAdversarial(figures: AdversarialFigures): void {
  const sizes = figures.sizesKB.map((kb) => `${kb} KB`).join(', ');
  console.log(
    `adversarial inputs, ms per size (${sizes}); growth per doubling fitted [target <= 2.3] (largest single step)`,
  );
  const budget = `${figures.budgetMs / 1000} s`;
  console.log(
    `  refused: nested too deep, or (library inputs, in a worker) over the ${budget} budget, after the time shown;`,
  );
  console.log('  skipped: larger than a size that was refused');
  for (const input of figures.inputs) {
    const cells = input.ms.map((m, i) => {
      if (m !== null) return m.toFixed(0);
      const refused = input.refusedMs[i];
      if (refused === -1) return 'skipped';
      return refused != null ? `refused in ${(refused / 1000).toFixed(1)} s` : 'refused';
    });
    const growth = input.growth === null ? '-' : `${input.growth.toFixed(2)} (${input.maxStepGrowth!.toFixed(2)})`;
    console.log(`  ${input.name.padEnd(42)} ${cells.join(' / ')}  growth ${growth}`);
  }
}
