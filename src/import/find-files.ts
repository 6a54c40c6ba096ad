import { readdirSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { seriesOfPath } from './series.js';

/** A markdown file to import, and the series its place implies. */
export interface FoundFile {
  /** The path as given (normalised, with "/" separators): the meeting's source. */
  source: string;
  /** The series the file's place implies (series.ts), whichever folder the import starts from. */
  seriesFromPath: string | null;
}

function toPosix(path: string): string {
  return normalize(path).split(sep).join('/');
}

/** Files at the top of a repository that are about it, not minutes of a meeting: skipped in the folder an import starts from. */
const NOT_MINUTES = /^(?:readme|contributing|changelog|license|licence|code_of_conduct|security)\.md$/i;

function walk(dir: string, top = true): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, false);
    return entry.isFile() && /\.md$/i.test(entry.name) && !(top && NOT_MINUTES.test(entry.name)) ? [path] : [];
  });
}

/**
 * The markdown files under the given paths: a file is taken as it is, a folder is
 * searched recursively for `.md` files (hidden folders and README-like files skipped), in name order.
 * A path that does not exist throws, naming it.
 */
export function findMarkdownFiles(paths: string[]): FoundFile[] {
  const found = new Map<string, FoundFile>();
  for (const given of paths) {
    const stat = statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${given}: no such file or folder`);
    if (stat.isDirectory()) {
      for (const path of walk(given)) found.set(toPosix(path), { source: toPosix(path), seriesFromPath: seriesOfPath(resolve(path)) });
    } else {
      found.set(toPosix(given), { source: toPosix(given), seriesFromPath: seriesOfPath(resolve(given)) });
    }
  }
  return [...found.values()];
}
