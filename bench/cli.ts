/**
 * Part 6: `minutes search` as a person runs it, a new process each time, against the start of
 * Node itself and against grep over the same corpus: what a search at the prompt costs, start
 * included. Each command's median over the same words, the three taking turns word by word.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CORPUS, DIST, median } from './common.js';

export interface CliFigures {
  runs: number;
  /** `minutes search WORD --json` against the imported database, ms. */
  searchMs: number;
  /** `node -e 0`: the floor of any command written for Node. */
  nodeMs: number;
  /** `grep -ril WORD` over the corpus's files. */
  grepMs: number;
}

/** A command's wall time; an exit code outside `ok` (grep's 1 is "no match") is a broken measure. */
function wallMs(command: string, args: string[], ok = [0]): number {
  const start = performance.now();
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (run.error || !ok.includes(run.status ?? -1))
    throw new Error(`${command} ${args.join(' ')}: ${run.error ?? run.stderr}`);
  return ms;
}

export function benchCli(dbFile: string, words: string[]): CliFigures {
  const times = { search: [] as number[], node: [] as number[], grep: [] as number[] };
  for (const word of words) {
    times.search.push(
      wallMs(process.execPath, [join(DIST, 'cli', 'main.js'), 'search', word, '--db', dbFile, '--json']),
    );
    times.node.push(wallMs(process.execPath, ['-e', '0']));
    times.grep.push(wallMs('grep', ['-ril', word, CORPUS], [0, 1]));
  }
  return { runs: words.length, searchMs: median(times.search), nodeMs: median(times.node), grepMs: median(times.grep) };
}
