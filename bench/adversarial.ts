/**
 * Part 7: the inputs that once made the parser super-linear (bench/adversarial-inputs.ts), doubled
 * from 50 KB to 1.6 MB: the median of three parses per size and the largest growth per doubling
 * (linear is 2, quadratic 4).
 */
import { isFailed } from '../src/parse/meeting-record.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { ADVERSARIAL } from './adversarial-inputs.js';
import { median, time } from './common.js';

export interface AdversarialFigures {
  sizesKB: number[];
  /** Per input: milliseconds per size, or null where the input was refused. */
  inputs: { name: string; ms: (number | null)[]; maxGrowth: number | null }[];
}

const SIZES_KB = [50, 100, 200, 400, 800, 1600];

export function benchAdversarial(): AdversarialFigures {
  const inputs = Object.entries(ADVERSARIAL).map(([name, make]) => {
    const ms = SIZES_KB.map((kb) => {
      const text = make(kb * 1000);
      let refused = false;
      // The median of three: one run at a size is at the mercy of a garbage collection.
      const took = median([0, 1, 2].map(() => time(() => (refused = isFailed(parseMeeting(text, 'adversarial.md'))))));
      return refused ? null : took;
    });
    const growth = ms.slice(1).flatMap((m, i) => (m !== null && ms[i] ? [m / ms[i]!] : []));
    return { name, ms, maxGrowth: growth.length > 0 ? Math.max(...growth) : null };
  });
  return { sizesKB: SIZES_KB, inputs };
}

export function printAdversarial(figures: AdversarialFigures): void {
  console.log(
    `adversarial inputs, ms per size (${figures.sizesKB.map((kb) => `${kb} KB`).join(', ')}), largest growth per doubling [target <= 2.3]`,
  );
  for (const input of figures.inputs) {
    const sizes = input.ms.map((m) => (m === null ? 'refused' : m.toFixed(0))).join(' / ');
    console.log(
      `  ${input.name.padEnd(42)} ${sizes}  growth ${input.maxGrowth === null ? '-' : input.maxGrowth.toFixed(2)}`,
    );
  }
}
