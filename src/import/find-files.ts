import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { seriesOfPath } from './series.js';

/** A markdown file to import, and the series its place implies. */
export interface FoundFile {
  /** The path as given (normalised, with "/" separators): the meeting's source. */
  source: string;
  /** The series the file's place implies (series.ts), whichever folder the import starts from. */
  seriesFromPath: string | null;
}

export function toPosix(path: string): string {
  return normalize(path).split(sep).join('/');
}

/**
 * Files at the top of a repository that are about it, not minutes of a meeting: skipped in the folder an import starts
 * from.
 */
export const NOT_MINUTES = /^(?:readme|contributing|changelog|license|licence|code_of_conduct|security)\.md$/i;

/** A folder the search could not read, and why: the search goes on without it. */
export interface SkippedFolder {
  path: string;
  reason: string;
}

type ReadDir = (dir: string) => Dirent[];
const readDir: ReadDir = (dir) => readdirSync(dir, { withFileTypes: true });

function walk(dir: string, skipped: SkippedFolder[], read: ReadDir, top = true): string[] {
  let entries: Dirent[];
  try {
    entries = read(dir).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    // The folder given to the search must be readable; one below it that is not (EACCES) is skipped.
    if (top) throw error;
    skipped.push({ path: toPosix(dir), reason: error instanceof Error ? error.message : String(error) });
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, skipped, read, false);
    return entry.isFile() && /\.md$/i.test(entry.name) && !(top && NOT_MINUTES.test(entry.name)) ? [path] : [];
  });
}

/**
 * The markdown files under the given paths: a file is taken as it is, a folder is searched
 * recursively for `.md` files (hidden folders and README-like files skipped), in name order; a folder
 * below it that cannot be read is left out and listed in `skipped`. A path that does not exist throws,
 * naming it. `read` lists a folder (a parameter for tests).
 */
export function searchMarkdownFiles(
  paths: string[],
  read: ReadDir = readDir,
): { files: FoundFile[]; skipped: SkippedFolder[] } {
  const found = new Map<string, FoundFile>();
  const skipped: SkippedFolder[] = [];
  for (const given of paths) {
    const stat = statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${given}: no such file or folder`);
    const files = stat.isDirectory() ? walk(given, skipped, read) : [given];
    for (const path of files)
      found.set(toPosix(path), { source: toPosix(path), seriesFromPath: seriesOfPath(resolve(path)) });
  }
  return { files: [...found.values()], skipped };
}

/** The markdown files under the given paths (see searchMarkdownFiles), without the folders left out. */
export function findMarkdownFiles(paths: string[]): FoundFile[] {
  return searchMarkdownFiles(paths).files;
}
