import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A large batch of minutes for load and fault tests: the demo series copied into `series`
 * folders (five files each), every copy made different so that none is skipped as unchanged.
 */
export function makeBatch(dir: string, series: number): string {
  const demo = join(root, 'minutes', 'demo-weekly');
  const files = readdirSync(demo).sort();
  for (let s = 0; s < series; s++) {
    const folder = join(dir, 'batch', `team-${String(s).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    files.forEach((file, i) =>
      writeFileSync(join(folder, file), `${readFileSync(join(demo, file), 'utf8')}\n<!-- copy ${s}.${i} -->\n`),
    );
  }
  return join(dir, 'batch');
}
